package io.lojal.tier;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tier of the program. */
@Schema(name = "Tier")
public record Tier(
        @Schema(example = "GOLD") String code,
        @Schema(example = "Gold") String name,
        @Schema(example = "2", description = "0 is the entry tier; higher ranks need more qualifying points") int rank,
        @Schema(example = "5000", description = "Qualifying points needed") long threshold,
        @Schema(example = "1.5", description = "Applied to the SPEND points of the member's orders") BigDecimal earnMultiplier,
        @Schema(example = "[\"Free shipping\", \"Early access to sales\"]") List<String> benefits) {
}
