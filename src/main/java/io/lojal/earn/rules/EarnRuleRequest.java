package io.lojal.earn.rules;

import io.lojal.earn.Channel;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An earn rule to create or replace. */
@Schema(name = "EarnRuleRequest", example = "{\"name\": \"Base: 1 point per 1.00\", \"type\": \"SPEND\", \"points\": 1, \"per\": 100}")
public record EarnRuleRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull RuleType type,
        @Schema(defaultValue = "true") Boolean active,
        Instant validFrom,
        Instant validTo,
        @Size(max = 4) Set<@NotNull Channel> channels,
        @PositiveOrZero Long minAmount,
        @Positive @Schema(description = "SPEND and BONUS") Long points,
        @Positive @Schema(description = "SPEND") Long per,
        @Size(max = 100) @Schema(description = "SPEND") Set<@NotBlank String> categories,
        @Size(max = 1000) @Schema(description = "SPEND") Set<@NotBlank String> skus,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Schema(description = "MULTIPLIER") BigDecimal factor,
        @Schema(description = "BONUS") BonusTrigger trigger) {
}
