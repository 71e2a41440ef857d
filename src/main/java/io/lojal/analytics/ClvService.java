package io.lojal.analytics;

import static io.lojal.common.SqlValues.instant;
import static io.lojal.common.SqlValues.longValue;

import io.lojal.analytics.AnalyticsRepository.PurchaseHistory;
import io.lojal.analytics.ClvEstimates.ClvEstimate;
import io.lojal.analytics.clv.ClvFit;
import io.lojal.analytics.clv.GammaGamma;
import io.lojal.common.Problems;
import io.lojal.member.Member;
import io.lojal.program.ProgramService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CLV: historical (always as of the call), and predicted with BG/NBD and Gamma-Gamma fitted on the order history up to
 * asOf. The prediction (fit and mean spend) is stored per asOf and horizon and recomputed when orders have changed
 * since: on the call for up to {@code lojal.analytics.clv.recompute-up-to} customers, otherwise by the fit-clv job,
 * the stored one being served meanwhile for up to {@code lojal.analytics.clv.max-age}.
 */
@ApplicationScoped
public class ClvService {

    static final String MODEL = "BG/NBD+Gamma-Gamma";

    @Inject
    AnalyticsRepository repository;

    @Inject
    ClvEstimates estimates;

    @Inject
    ProgramService programs;

    @Inject
    Clock clock;

    @ConfigProperty(name = "lojal.analytics.clv.recompute-up-to")
    long recomputeUpTo;

    @ConfigProperty(name = "lojal.analytics.clv.max-age")
    Duration maxAge;

    public Views.Clv clv(LocalDate asOf, int horizonMonths) {
        checkHorizon(horizonMonths);
        long changes = estimates.orderChanges();
        ClvEstimate estimate = estimates.find(asOf, horizonMonths).filter(e -> current(e, changes))
                .orElseGet(() -> compute(asOf, horizonMonths, changes));
        long[] revenue = repository.customerRevenue(DateRange.endOf(asOf));
        long historical = revenue[0] == 0 ? 0 : Math.floorDiv(revenue[1], revenue[0]);
        BigDecimal margin = programs.current().grossMargin();
        return new Views.Clv(historical, (long) Math.floor(estimate.predictedSpend() * margin.doubleValue()), MODEL,
                estimate.fit().map(ClvService::params).orElse(null), horizonMonths, margin);
    }

    public Views.MemberClv memberClv(Member member, LocalDate asOf, int horizonMonths) {
        checkHorizon(horizonMonths);
        Object[] row = repository.member(member.id, DateRange.endOf(asOf));
        long orders = longValue(row[1]);
        Views.Historical historical = new Views.Historical(longValue(row[0]), orders, instant(row[2]), instant(row[3]));
        Optional<ClvFit> fit = orders == 0 ? Optional.empty() : fitAsOf(asOf);
        if (fit.isEmpty()) {
            return new Views.MemberClv(historical, new Views.Predicted(BigDecimal.ZERO, BigDecimal.ZERO, 0));
        }
        int x = (int) longValue(row[4]);
        double tx = longValue(row[5]) / 7.0;
        double t = longValue(row[6]) / 7.0;
        Double mean = row[7] == null ? null : ((Number) row[7]).doubleValue();
        double horizon = horizonWeeks(asOf, horizonMonths);
        double expectedOrders = fit.get().purchases().expectedPurchases(x, tx, t, horizon);
        double spend = x > 0 && mean != null && mean > 0 ? fit.get().spend().expectedSpend(x, mean) : fit.get().spend().expectedSpend(0, 0);
        return new Views.MemberClv(historical, new Views.Predicted(
                Ratio.decimal(fit.get().purchases().probabilityAlive(x, tx, t), 4), Ratio.decimal(expectedOrders, 4),
                (long) Math.floor(expectedOrders * spend * programs.current().grossMargin().doubleValue())));
    }

    /**
     * Computes and stores the prediction of an asOf and horizon, on orders with at least {@code changes} changes;
     * what the fit-clv job and a call on an out-of-date one run.
     */
    public ClvEstimate compute(LocalDate asOf, int horizonMonths, long changes) {
        List<PurchaseHistory> histories = repository.purchaseHistories(asOf);
        long customers = histories.stream().mapToLong(PurchaseHistory::count).sum();
        // The same asOf fits the same models whatever the horizon: reuse a fit made on the same orders.
        Optional<ClvFit> fit = estimates.latest(asOf).filter(e -> e.orderChanges() == changes).map(ClvEstimate::fit)
                .orElseGet(() -> ClvFit.fit(histories.stream().map(PurchaseHistory::customer).toList(), repository.spenders(asOf)));
        double spend = 0;
        if (fit.isPresent() && customers > 0) {
            double horizon = horizonWeeks(asOf, horizonMonths);
            spend = histories.parallelStream()
                    .mapToDouble(h -> fit.get().purchases().expectedPurchases(h.x(), h.txDays() / 7.0, h.tDays() / 7.0, horizon) * spendOf(fit.get(), h))
                    .sum() / customers;
        }
        ClvEstimate estimate = new ClvEstimate(asOf, horizonMonths, changes, clock.instant(), customers, spend, fit);
        estimates.save(estimate);
        return estimate;
    }

    /**
     * Whether a stored prediction may be served: made on the orders as they are, or of a program too large to redo on
     * every change and young enough.
     */
    boolean current(ClvEstimate estimate, long changes) {
        return estimate.orderChanges() == changes
                || estimate.customers() > recomputeUpTo && estimate.computedAt().plus(maxAge).isAfter(clock.instant());
    }

    private Optional<ClvFit> fitAsOf(LocalDate asOf) {
        long changes = estimates.orderChanges();
        return estimates.latest(asOf).filter(e -> current(e, changes)).orElseGet(() -> compute(asOf, 12, changes)).fit();
    }

    /**
     * The summed expected spend per order of a group of members with one purchase history: Gamma-Gamma's
     * p(v + x·m̄)/(px + q − 1) is linear in m̄, so the group's sum of means is enough; members without a repeat value get
     * the population mean pv/(q − 1).
     */
    private static double spendOf(ClvFit fit, PurchaseHistory h) {
        GammaGamma spend = fit.spend();
        double valued = h.x() > 0
                ? (h.valued() * spend.p() * spend.v() + spend.p() * h.x() * h.sumOfMeans()) / (spend.p() * h.x() + spend.q() - 1)
                : 0;
        long others = h.x() > 0 ? h.count() - h.valued() : h.count();
        return valued + others * spend.expectedSpend(0, 0);
    }

    private static Views.ClvParams params(ClvFit fit) {
        return new Views.ClvParams(fit.purchases().r(), fit.purchases().alpha(), fit.purchases().a(), fit.purchases().b(),
                fit.spend().p(), fit.spend().q(), fit.spend().v());
    }

    private static double horizonWeeks(LocalDate asOf, int months) {
        return ChronoUnit.DAYS.between(asOf, asOf.plusMonths(months)) / 7.0;
    }

    private static void checkHorizon(int months) {
        if (months < 1 || months > 120) {
            throw new Problems.ValidationFailed("horizonMonths", "must be 1 to 120");
        }
    }
}
