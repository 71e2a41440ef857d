package io.lojal.common;

import java.math.BigInteger;

/** Integer arithmetic of points and money: exact, rounded down, never through a double. */
public final class PointsMath {

    private PointsMath() {
    }

    /** {@code floor(a × b / c)} for non-negative a and b and positive c, exact whatever the size of a × b. */
    public static long floorMulDiv(long a, long b, long c) {
        if (a < 0 || b < 0 || c <= 0) {
            throw new IllegalArgumentException("floorMulDiv needs a, b >= 0 and c > 0");
        }
        if (Math.multiplyHigh(a, b) == 0 && a * b >= 0) {
            return a * b / c;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }
}
