package io.lojal.earn.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lojal.earn.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An earn rule as stored and shown; which fields are set depends on {@link #type()}. */
@Schema(name = "EarnRule")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EarnRule(
        @Schema(example = "rule_5m2k8q1w7x3c9v4b6n0p2r4t") String id,
        @Schema(example = "Base: 1 point per 1.00") String name,
        RuleType type,
        boolean active,
        @Schema(description = "Applies to orders with occurredAt at or after this instant") Instant validFrom,
        @Schema(description = "Applies to orders with occurredAt at or before this instant") Instant validTo,
        @Schema(description = "Applies only to orders from these channels") Set<Channel> channels,
        @Schema(description = "Applies only to orders of at least this amount (minor units)") Long minAmount,
        @Schema(description = "SPEND: points per `per` minor units; BONUS: the bonus points", example = "1") Long points,
        @Schema(description = "SPEND: minor units per `points`", example = "100") Long per,
        @Schema(description = "SPEND: only lines of these categories count") Set<String> categories,
        @Schema(description = "SPEND: only lines of these skus count") Set<String> skus,
        @Schema(description = "MULTIPLIER: the campaign factor", example = "2") BigDecimal factor,
        @Schema(description = "BONUS: when the bonus is paid") BonusTrigger trigger,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether the rule is switched on and its validity window (both ends included) holds at {@code at}. */
    public boolean activeAt(Instant at) {
        return active && (validFrom == null || !at.isBefore(validFrom)) && (validTo == null || !at.isAfter(validTo));
    }

    /** Whether the rule's common conditions hold for an order. */
    boolean appliesTo(Order order) {
        return activeAt(order.occurredAt())
                && (channels == null || channels.isEmpty() || order.channel() != null && channels.contains(order.channel()))
                && (minAmount == null || order.amount() >= minAmount);
    }

    /** SPEND: the part of the order this rule pays on — the matching lines, or the whole order when it names none. */
    long eligibleAmount(Order order) {
        boolean anyFilter = (categories != null && !categories.isEmpty()) || (skus != null && !skus.isEmpty());
        if (!anyFilter) {
            return order.amount();
        }
        long eligible = 0;
        for (Order.Line line : order.lines()) {
            boolean matches = (categories != null && line.category() != null && categories.contains(line.category()))
                    || (skus != null && skus.contains(line.sku()));
            if (matches) {
                eligible = Math.addExact(eligible, line.total());
            }
        }
        return eligible;
    }
}
