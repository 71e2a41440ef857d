package io.lojal.analytics.clv;

import static org.hipparchus.special.Gamma.logGamma;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BG/NBD model of repeat buying (Fader, Hardie and Lee 2005): purchases while alive follow Poisson(λ),
 * λ ~ Gamma(r, α); after each purchase the customer drops out with probability p, p ~ Beta(a, b). Time in weeks.
 */
public record BgNbd(double r, double alpha, double a, double b) {

    /** The log-likelihood of one customer's (x, tx, T). */
    public double logLikelihood(int x, double tx, double t) {
        return logLikelihood(x, tx, t, gammaTerms(x));
    }

    /** The sum over customers; the Gamma-function terms depend on x only, so they are computed once per x. */
    public double logLikelihood(List<Customer> customers) {
        Map<Integer, Double> terms = new HashMap<>();
        double sum = 0;
        for (Customer c : customers) {
            sum += c.count() * logLikelihood(c.x(), c.tx(), c.t(), terms.computeIfAbsent(c.x(), this::gammaTerms));
        }
        return sum;
    }

    private double gammaTerms(int x) {
        return logGamma(r + x) - logGamma(r) + r * Math.log(alpha)
                + logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
    }

    private double logLikelihood(int x, double tx, double t, double gammaTerms) {
        double a3 = -(r + x) * Math.log(alpha + t);
        if (x == 0) {
            return gammaTerms + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        double max = Math.max(a3, a4);
        return gammaTerms + max + Math.log(Math.exp(a3 - max) + Math.exp(a4 - max));
    }

    /** P(alive at T | x, tx, T). */
    public double probabilityAlive(int x, double tx, double t) {
        if (x == 0) {
            return 1;
        }
        return 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + t) / (alpha + tx), r + x));
    }

    /** Expected purchases in the next {@code horizon} weeks, given (x, tx, T). */
    public double expectedPurchases(int x, double tx, double t, double horizon) {
        double z = horizon / (alpha + t + horizon);
        double hyper = Hypergeometric.f21(r + x, b + x, a + b + x - 1, z);
        double numerator = (a + b + x - 1) / (a - 1) * (1 - Math.pow((alpha + t) / (alpha + t + horizon), r + x) * hyper);
        double denominator = x > 0 ? 1 + (a / (b + x - 1)) * Math.pow((alpha + t) / (alpha + tx), r + x) : 1;
        return numerator / denominator;
    }
}
