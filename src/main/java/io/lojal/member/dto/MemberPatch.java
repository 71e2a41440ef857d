package io.lojal.member.dto;

import io.lojal.member.MemberStatus;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * JSON merge patch of a member: an absent field stays as it is (Java null), an explicit null clears it
 * ({@code Optional.empty()}).
 */
@Schema(name = "MemberPatch", description = "Fields to change; absent fields stay, null clears")
public record MemberPatch(
        @Schema(implementation = String.class, nullable = true, example = "ada@example.org") Optional<@Email @Size(max = 254) String> email,
        @Schema(implementation = String.class, nullable = true, example = "Ada King") Optional<@Size(max = 200) String> name,
        @Schema(implementation = LocalDate.class, nullable = true, example = "1990-12-10") Optional<@PastOrPresent LocalDate> birthDate,
        @Schema(implementation = MemberStatus.class, enumeration = {"ACTIVE", "SUSPENDED"},
                description = "ACTIVE or SUSPENDED; a member is closed with DELETE") Optional<MemberStatus> status,
        @Schema(implementation = Object.class, nullable = true) Optional<@Size(max = 50) Map<String, Object>> attributes) {
}
