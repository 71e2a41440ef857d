package io.lojal.member.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EnrolMember", description = "A new member")
public record EnrolMember(
        @NotBlank @Size(max = 100) @Schema(example = "shop-customer-4711", description = "The webshop's own customer id; unique")
        String externalId,
        @Email @Size(max = 254) @Schema(example = "ada@example.com") String email,
        @Size(max = 200) @Schema(example = "Ada Lovelace") String name,
        @PastOrPresent @Schema(example = "1990-12-10") LocalDate birthDate,
        @Size(max = 64) @Schema(description = "A referral code the member joins with", example = "R7KQ2MXH9P") String referralCode,
        @Size(max = 50) @Schema(description = "Free-form attributes the webshop keeps with the member", example = "{\"segment\": \"vip\"}")
        Map<String, Object> attributes) {
}
