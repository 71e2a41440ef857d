package io.lojal.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fractions and averages as the analytics report them: decimals to 4 places, 0 when there is nothing to divide. */
final class Ratio {

    private Ratio() {
    }

    static BigDecimal of(long numerator, long denominator) {
        return denominator == 0 ? BigDecimal.ZERO : tidy(BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP));
    }

    static BigDecimal percent(long numerator, long denominator) {
        return denominator == 0 ? BigDecimal.ZERO
                : tidy(BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP));
    }

    static BigDecimal decimal(double value, int places) {
        return Double.isFinite(value) ? tidy(BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP)) : BigDecimal.ZERO;
    }

    private static BigDecimal tidy(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
