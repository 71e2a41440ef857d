package io.lojal.analytics;

import static io.lojal.common.SqlValues.instant;

import io.lojal.analytics.AnalyticsRepository.PurchaseHistory;
import io.lojal.analytics.clv.ClvFit;
import io.lojal.analytics.clv.Customer;
import io.lojal.analytics.clv.GammaGamma;
import io.lojal.common.Problems;
import io.lojal.member.Member;
import io.lojal.program.ProgramSettings;
import io.lojal.program.ProgramService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The read figures of section 8 of the contract, computed from PostgreSQL aggregates. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AnalyticsService {

    /** A model fit is reused for the same asOf for this long; new orders show in a fit after it. */
    static final Duration FIT_FRESHNESS = Duration.ofMinutes(10);

    @Inject
    AnalyticsRepository repository;

    @Inject
    ProgramService programs;

    @Inject
    Clock clock;

    private record CachedFit(Optional<ClvFit> fit, List<PurchaseHistory> histories, Instant at) {
    }

    private final Map<LocalDate, CachedFit> fits = new ConcurrentHashMap<>();

    public Views.Summary summary(DateRange range) {
        Object[] o = repository.orderFigures(range.start(), range.end());
        long members = n(o[0]);
        long active = n(o[1]);
        long orders = n(o[2]);
        long revenue = n(o[3]);
        Object[] p = repository.pointFigures(range.start(), range.end());
        long issued = n(p[0]);
        long redeemed = n(p[1]);
        long expired = n(p[2]);
        long liability = repository.liability(clock.instant());
        long pointValue = programs.current().redemption().pointValue();
        return new Views.Summary(members, active, orders, revenue, orders == 0 ? 0 : Math.floorDiv(revenue, orders),
                Ratio.of(n(o[4]), active), Ratio.of(orders, active),
                o[5] == null ? BigDecimal.ZERO : Ratio.decimal(((Number) o[5]).doubleValue(), 2),
                Ratio.of(n(o[6]), active), issued, redeemed, expired,
                new Views.Liability(liability, Math.multiplyExact(liability, pointValue)),
                Ratio.of(redeemed, issued), Ratio.of(expired, issued));
    }

    public Views.Retention retention(DateRange range, String period) {
        boolean weeks = "WEEK".equals(period);
        if (!weeks && !"MONTH".equals(period)) {
            throw new Problems.ValidationFailed("period", "must be MONTH or WEEK");
        }
        LocalDate last = weeks ? range.to().minusDays(range.to().getDayOfWeek().getValue() - 1) : range.to().withDayOfMonth(1);
        Map<LocalDate, Map<LocalDate, Long>> activity = new TreeMap<>();
        for (Object[] row : repository.cohortActivity(weeks ? "week" : "month", range.start(), range.end())) {
            LocalDate cohort = date(row[0]);
            activity.computeIfAbsent(cohort, c -> new TreeMap<>()).put(date(row[1]), n(row[2]));
        }
        List<Views.Cohort> cohorts = new ArrayList<>();
        activity.forEach((cohort, periods) -> {
            long size = periods.getOrDefault(cohort, 0L);
            List<Long> retained = new ArrayList<>();
            List<BigDecimal> rates = new ArrayList<>();
            for (LocalDate p = cohort; !p.isAfter(last); p = weeks ? p.plusWeeks(1) : p.plusMonths(1)) {
                long count = periods.getOrDefault(p, 0L);
                retained.add(count);
                rates.add(Ratio.of(count, size));
            }
            cohorts.add(new Views.Cohort(label(cohort, weeks), size, retained, rates));
        });
        return new Views.Retention(weeks ? "WEEK" : "MONTH", cohorts);
    }

    public Views.Churn churn(LocalDate asOf, int inactiveDays) {
        if (inactiveDays < 1) {
            throw new Problems.ValidationFailed("inactiveDays", "must be at least 1");
        }
        Instant end = DateRange.endOf(asOf);
        Object[] row = repository.churn(end, end.minus(Duration.ofDays(inactiveDays)));
        return new Views.Churn(n(row[0]), n(row[1]), Ratio.of(n(row[1]), n(row[0])));
    }

    public Views.Clv clv(LocalDate asOf, int horizonMonths) {
        checkHorizon(horizonMonths);
        ProgramSettings program = programs.current();
        CachedFit cached = fitAsOf(asOf);
        Object[] revenue = repository.customerRevenue(DateRange.endOf(asOf));
        long customers = n(revenue[0]);
        long historical = customers == 0 ? 0 : Math.floorDiv(n(revenue[1]), customers);
        if (cached.fit().isEmpty()) {
            return new Views.Clv(historical, 0, "BG/NBD+Gamma-Gamma", null, horizonMonths, program.grossMargin());
        }
        ClvFit fit = cached.fit().get();
        double horizon = horizonWeeks(asOf, horizonMonths);
        double total = 0;
        for (PurchaseHistory h : cached.histories()) {
            total += fit.purchases().expectedPurchases(h.x(), h.txDays() / 7.0, h.tDays() / 7.0, horizon) * spendOf(fit, h);
        }
        total *= program.grossMargin().doubleValue();
        return new Views.Clv(historical, (long) Math.floor(total / customers), "BG/NBD+Gamma-Gamma",
                new Views.ClvParams(fit.purchases().r(), fit.purchases().alpha(), fit.purchases().a(), fit.purchases().b(),
                        fit.spend().p(), fit.spend().q(), fit.spend().v()),
                horizonMonths, program.grossMargin());
    }

    public Views.MemberClv memberClv(Member member, LocalDate asOf, int horizonMonths) {
        checkHorizon(horizonMonths);
        Object[] row = repository.member(member.id, DateRange.endOf(asOf));
        long orders = n(row[1]);
        Views.Historical historical = new Views.Historical(n(row[0]), orders, instant(row[2]), instant(row[3]));
        Optional<ClvFit> fit = fitAsOf(asOf).fit();
        if (orders == 0 || fit.isEmpty()) {
            return new Views.MemberClv(historical, new Views.Predicted(BigDecimal.ZERO, BigDecimal.ZERO, 0));
        }
        int x = (int) n(row[4]);
        double tx = n(row[5]) / 7.0;
        double t = n(row[6]) / 7.0;
        Double mean = row[7] == null ? null : ((Number) row[7]).doubleValue();
        double horizon = horizonWeeks(asOf, horizonMonths);
        double expectedOrders = fit.get().purchases().expectedPurchases(x, tx, t, horizon);
        return new Views.MemberClv(historical, new Views.Predicted(
                Ratio.decimal(fit.get().purchases().probabilityAlive(x, tx, t), 4), Ratio.decimal(expectedOrders, 4),
                (long) Math.floor(predictedValue(fit.get(), x, tx, t, mean, horizon, programs.current()))));
    }

    public Views.Feedback feedback(DateRange range) {
        Object[] f = repository.feedback(range.start(), range.end());
        long nps = n(f[0]);
        long promoters = n(f[1]);
        long detractors = n(f[3]);
        return new Views.Feedback(
                new Views.Nps(Ratio.percent(promoters, nps).subtract(Ratio.percent(detractors, nps)), promoters, n(f[2]), detractors, nps),
                new Views.Score(Ratio.percent(n(f[5]), n(f[4])), n(f[4])),
                new Views.Score(f[7] == null ? BigDecimal.ZERO : Ratio.decimal(((Number) f[7]).doubleValue(), 2), n(f[6])),
                new Views.Score(f[9] == null ? BigDecimal.ZERO : Ratio.decimal(((Number) f[9]).doubleValue(), 4), n(f[8])));
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

    /** Expected orders in the horizon × expected spend per order (Gamma-Gamma; population mean without repeats) × margin. */
    private static double predictedValue(ClvFit fit, int x, double tx, double t, Double mean, double horizon, ProgramSettings program) {
        double orders = fit.purchases().expectedPurchases(x, tx, t, horizon);
        double spend = x > 0 && mean != null && mean > 0 ? fit.spend().expectedSpend(x, mean) : fit.spend().expectedSpend(0, 0);
        return orders * spend * program.grossMargin().doubleValue();
    }

    private CachedFit fitAsOf(LocalDate asOf) {
        Instant now = clock.instant();
        CachedFit cached = fits.get(asOf);
        if (cached != null && cached.at().plus(FIT_FRESHNESS).isAfter(now)) {
            return cached;
        }
        Instant end = DateRange.endOf(asOf);
        List<PurchaseHistory> histories = repository.purchaseHistories(end);
        List<Customer> customers = histories.stream().map(PurchaseHistory::customer).toList();
        CachedFit fresh = new CachedFit(ClvFit.fit(customers, repository.spenders(end)), histories, now);
        if (fits.size() > 32) {
            fits.clear();
        }
        fits.put(asOf, fresh);
        return fresh;
    }

    private static double horizonWeeks(LocalDate asOf, int months) {
        return ChronoUnit.DAYS.between(asOf, asOf.plusMonths(months)) / 7.0;
    }

    private static void checkHorizon(int months) {
        if (months < 1 || months > 120) {
            throw new Problems.ValidationFailed("horizonMonths", "must be 1 to 120");
        }
    }

    private static String label(LocalDate periodStart, boolean weeks) {
        return weeks ? String.format("%d-W%02d", periodStart.get(IsoFields.WEEK_BASED_YEAR), periodStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                : String.format("%d-%02d", periodStart.getYear(), periodStart.getMonthValue());
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
