package io.lojal.earn.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of why an order earned what it earned; the lines of a result add up to its points. */
@Schema(name = "BreakdownItem")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BreakdownItem(
        Kind kind,
        @Schema(description = "The rule that gave these points; absent for TIER") String ruleId,
        @Schema(example = "Base: 1 point per 1.00", description = "The rule's name, or the tier's for TIER") String name,
        @Schema(example = "599") long points) {

    @Schema(name = "BreakdownKind")
    public enum Kind {
        SPEND, MULTIPLIER, TIER, BONUS
    }
}
