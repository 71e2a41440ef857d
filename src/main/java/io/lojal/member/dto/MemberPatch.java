package io.lojal.member.dto;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.lojal.member.MemberStatus;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * JSON merge patch of a member: a field that is absent stays as it is, a field set to null is cleared.
 * A class rather than a record because Jackson cannot tell a record an absent field from a null one.
 */
@Schema(name = "MemberPatch", description = "Fields to change; absent fields stay as they are, null clears")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class MemberPatch {

    @Schema(hidden = true)
    private final Set<String> present = new HashSet<>();

    @Email
    @Size(max = 254)
    @Schema(example = "ada@example.org", nullable = true)
    private String email;

    @Size(max = 200)
    @Schema(example = "Ada King", nullable = true)
    private String name;

    @PastOrPresent
    @Schema(example = "1990-12-10", nullable = true, type = SchemaType.STRING, format = "date")
    private LocalDate birthDate;

    @Schema(enumeration = {"ACTIVE", "SUSPENDED"}, description = "ACTIVE or SUSPENDED; a member is closed with DELETE")
    private MemberStatus status;

    @Size(max = 50)
    @Schema(nullable = true, description = "Replaces all attributes")
    private Map<String, Object> attributes;

    public boolean has(String field) {
        return present.contains(field);
    }

    @JsonProperty("email")
    void setEmail(String email) {
        this.email = email;
        present.add("email");
    }

    @JsonProperty("name")
    void setName(String name) {
        this.name = name;
        present.add("name");
    }

    @JsonProperty("birthDate")
    void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
        present.add("birthDate");
    }

    @JsonProperty("status")
    void setStatus(MemberStatus status) {
        this.status = status;
        present.add("status");
    }

    @JsonProperty("attributes")
    void setAttributes(Map<String, Object> attributes) {
        this.attributes = attributes;
        present.add("attributes");
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public MemberStatus status() {
        return status;
    }

    public Map<String, Object> attributes() {
        return attributes;
    }
}
