package io.lojal.tier;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TierChange")
public record TierChangeView(
        @Schema(example = "SILVER", nullable = true) String from,
        @Schema(example = "GOLD") String to,
        @Schema(enumeration = {"UPGRADE", "DOWNGRADE", "TIER_DELETED"}) String reason,
        @Schema(example = "2026-03-01T12:00:00Z") Instant at) {
}
