package io.lojal.analytics.clv;

import static org.hipparchus.special.Gamma.logGamma;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005, "RFM and CLV"): a customer's mean spend
 * over x transactions is m̄; spends are Gamma(p, ν), ν ~ Gamma(q, γ). Values in minor units.
 */
public record GammaGamma(double p, double q, double v) {

    /** One repeat customer with {@code x} repeat transactions of mean value {@code mean}; {@code count} such customers. */
    public record Spender(int x, double mean, long count) {
    }

    public double logLikelihood(int x, double mean) {
        return gammaTerms(x) + (p * x - 1) * Math.log(mean) - (p * x + q) * Math.log(v + x * mean);
    }

    /** The sum over spenders; the Gamma-function terms depend on x only, so they are computed once per x. */
    public double logLikelihood(List<Spender> spenders) {
        Map<Integer, Double> terms = new HashMap<>();
        double sum = 0;
        for (Spender s : spenders) {
            double constant = terms.computeIfAbsent(s.x(), this::gammaTerms);
            sum += s.count() * (constant + (p * s.x() - 1) * Math.log(s.mean()) - (p * s.x() + q) * Math.log(v + s.x() * s.mean()));
        }
        return sum;
    }

    private double gammaTerms(int x) {
        return logGamma(p * x + q) - logGamma(p * x) - logGamma(q) + q * Math.log(v) + p * x * Math.log(x);
    }

    /** Expected spend per transaction of a customer with x repeat transactions of mean m̄ (x = 0: the population mean). */
    public double expectedSpend(int x, double mean) {
        return (p * (v + x * mean)) / (p * x + q - 1);
    }
}
