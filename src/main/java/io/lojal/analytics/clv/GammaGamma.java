package io.lojal.analytics.clv;

import static org.hipparchus.special.Gamma.logGamma;

import java.util.List;

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005, "RFM and CLV"): a customer's mean spend
 * over x transactions is m̄; spends are Gamma(p, ν), ν ~ Gamma(q, γ). Values in minor units.
 */
public record GammaGamma(double p, double q, double v) {

    /** One repeat customer with {@code x} repeat transactions of mean value {@code mean}; {@code count} such customers. */
    public record Spender(int x, double mean, long count) {
    }

    public double logLikelihood(int x, double mean) {
        return logGamma(p * x + q) - logGamma(p * x) - logGamma(q) + q * Math.log(v)
                + (p * x - 1) * Math.log(mean) + p * x * Math.log(x) - (p * x + q) * Math.log(v + x * mean);
    }

    public double logLikelihood(List<Spender> spenders) {
        double sum = 0;
        for (Spender s : spenders) {
            sum += s.count() * logLikelihood(s.x(), s.mean());
        }
        return sum;
    }

    /** Expected spend per transaction of a customer with x repeat transactions of mean m̄ (x = 0: the population mean). */
    public double expectedSpend(int x, double mean) {
        return (p * (v + x * mean)) / (p * x + q - 1);
    }
}
