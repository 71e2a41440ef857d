package io.lojal.offer;

import io.lojal.common.PointsMath;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PERCENT: a whole percent 1–100 of the order; AMOUNT: minor units off, never more than the order. */
@Schema(name = "Discount")
public record Discount(@NotNull Type type,
                       @NotNull @Positive @Schema(example = "15", description = "PERCENT: 1–100; AMOUNT: minor units") Long value) {

    public enum Type {
        PERCENT, AMOUNT
    }

    /** What the discount takes off an order of {@code orderAmount}, rounded down. */
    public long amountFor(long orderAmount) {
        return switch (type) {
            case PERCENT -> PointsMath.floorMulDiv(orderAmount, value, 100);
            case AMOUNT -> Math.min(value, orderAmount);
        };
    }
}
