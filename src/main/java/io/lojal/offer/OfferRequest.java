package io.lojal.offer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OfferRequest", example = """
        {"name": "Gold weekend: 15% off", "discount": {"type": "PERCENT", "value": 15}, "eligibility": {"tiers": ["GOLD"]},
         "startsAt": "2026-03-06T00:00:00Z", "endsAt": "2026-03-09T00:00:00Z",
         "earlyAccess": {"tiers": ["GOLD"], "startsAt": "2026-03-05T00:00:00Z"}, "perMemberLimit": 1, "totalLimit": 500}""")
public record OfferRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @NotNull @Valid Discount discount,
        @Valid Eligibility eligibility,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @Valid EarlyAccess earlyAccess,
        @Positive @Schema(defaultValue = "1") Integer perMemberLimit,
        @Positive Integer totalLimit) {

    @Schema(name = "OfferEligibilityRequest")
    public record Eligibility(@Size(max = 20) List<@NotBlank String> tiers, @Size(max = 10_000) List<@NotBlank String> memberIds) {
    }

    @Schema(name = "EarlyAccessRequest")
    public record EarlyAccess(@NotEmpty @Size(max = 20) List<@NotBlank String> tiers, @NotNull Instant startsAt) {
    }
}
