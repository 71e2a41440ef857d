package io.lojal.analytics.clv;

/** Gauss's hypergeometric function 2F1(a, b; c; z) for 0 ≤ z < 1, by its power series. */
final class Hypergeometric {

    private static final int MAX_TERMS = 100_000;

    private Hypergeometric() {
    }

    static double f21(double a, double b, double c, double z) {
        if (z < 0 || z >= 1) {
            throw new IllegalArgumentException("2F1 by series needs 0 <= z < 1, got " + z);
        }
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) < 1e-15 * Math.abs(sum)) {
                return sum;
            }
        }
        return sum;
    }
}
