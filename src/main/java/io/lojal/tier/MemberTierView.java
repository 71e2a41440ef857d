package io.lojal.tier;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MemberTier")
public record MemberTierView(
        Tier current,
        @Schema(example = "3200", description = "EARN points with occurredAt in the last tierWindowMonths, net of refunds") long qualifyingPoints,
        @Schema(nullable = true, description = "The earliest the member can be moved down; null in the entry tier") Instant validUntil,
        @Schema(nullable = true) Next next,
        @Schema(description = "The member's tier moves, newest first") List<TierChangeView> history) {

    @Schema(name = "NextTier")
    public record Next(@Schema(example = "GOLD") String code, @Schema(example = "5000") long threshold,
                       @Schema(example = "1800") long pointsToGo) {
    }
}
