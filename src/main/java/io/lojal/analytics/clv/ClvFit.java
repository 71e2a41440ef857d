package io.lojal.analytics.clv;

import java.util.List;
import java.util.Optional;
import java.util.stream.DoubleStream;

/** Both CLV models fitted by maximum likelihood on the same customers. */
public record ClvFit(BgNbd purchases, GammaGamma spend) {

    /** Fits BG/NBD on the histories and Gamma-Gamma on the repeat buyers' mean spend; empty when the data cannot carry a fit. */
    public static Optional<ClvFit> fit(List<Customer> customers, List<GammaGamma.Spender> spenders) {
        long people = customers.stream().mapToLong(Customer::count).sum();
        long repeaters = spenders.stream().mapToLong(GammaGamma.Spender::count).sum();
        if (people < 2 || repeaters < 2) {
            return Optional.empty();
        }
        double meanSpend = spenders.stream().mapToDouble(s -> s.mean() * s.count()).sum() / repeaters;
        BgNbd purchases = MaximumLikelihood.fitBgNbd(customers);
        GammaGamma spend = MaximumLikelihood.fitGammaGamma(spenders, meanSpend);
        boolean finite = DoubleStream.of(purchases.r(), purchases.alpha(), purchases.a(), purchases.b(),
                spend.p(), spend.q(), spend.v()).allMatch(d -> Double.isFinite(d) && d > 0 && d < 1e12);
        return finite ? Optional.of(new ClvFit(purchases, spend)) : Optional.empty();
    }
}
