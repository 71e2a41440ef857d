package io.lojal.offer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An exclusive offer as stored and shown. */
@Schema(name = "Offer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Offer(
        @Schema(example = "off_2k4m6p8r0t2v4x6z8b0d2f4h") String id,
        @Schema(example = "Gold weekend: 15% off") String name,
        @Schema(example = "For our Gold members, before the public sale") String description,
        Discount discount,
        Eligibility eligibility,
        @Schema(example = "2026-03-06T00:00:00Z") Instant startsAt,
        @Schema(example = "2026-03-09T00:00:00Z", description = "Claims and codes end here") Instant endsAt,
        EarlyAccess earlyAccess,
        @Schema(example = "1") int perMemberLimit,
        @Schema(example = "500") Integer totalLimit,
        @Schema(example = "37", description = "Codes claimed so far") int claimed,
        Instant createdAt,
        Instant updatedAt) {

    /** Who may claim: members of these tiers or these members; neither: every active member. */
    @Schema(name = "OfferEligibility")
    public record Eligibility(@Schema(example = "[\"GOLD\"]") List<String> tiers,
                              @Schema(example = "[]") List<String> memberIds) {

        public boolean admits(String memberId, String tierCode) {
            boolean open = (tiers == null || tiers.isEmpty()) && (memberIds == null || memberIds.isEmpty());
            return open || (tiers != null && tiers.contains(tierCode)) || (memberIds != null && memberIds.contains(memberId));
        }
    }

    /** Members of these tiers may claim from {@code startsAt}, before the offer's own start. */
    @Schema(name = "EarlyAccess")
    public record EarlyAccess(@Schema(example = "[\"GOLD\"]") List<String> tiers,
                              @Schema(example = "2026-03-05T00:00:00Z") Instant startsAt) {
    }

    /** Whether a member (by id and tier) may claim at {@code now}, limits aside: eligible, and the window is open to it. */
    public boolean openTo(String memberId, String tierCode, Instant now) {
        if (!now.isBefore(endsAt) || !eligibility.admits(memberId, tierCode)) {
            return false;
        }
        boolean early = earlyAccess != null && earlyAccess.tiers().contains(tierCode) && !now.isBefore(earlyAccess.startsAt());
        return !now.isBefore(startsAt) || early;
    }
}
