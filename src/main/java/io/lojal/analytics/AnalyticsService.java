package io.lojal.analytics;

import io.lojal.common.Problems;
import io.lojal.program.ProgramService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The read figures of section 8 of the contract, computed from PostgreSQL aggregates. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AnalyticsService {

    @Inject
    AnalyticsRepository repository;

    @Inject
    ProgramService programs;

    @Inject
    Clock clock;

    public Views.Summary summary(DateRange range) {
        AnalyticsRepository.OrderFigures o = repository.orderFigures(range.start(), range.end());
        long[] points = repository.pointFigures(range.from(), range.to());
        long issued = points[0];
        long redeemed = points[1];
        long expired = points[2];
        long liability = repository.liability(clock.instant());
        long pointValue = programs.current().redemption().pointValue();
        long active = o.activeMembers();
        return new Views.Summary(o.members(), active, o.orders(), o.revenue(), o.orders() == 0 ? 0 : Math.floorDiv(o.revenue(), o.orders()),
                Ratio.of(o.repeaters(), active), Ratio.of(o.orders(), active),
                o.meanGapDays() == null ? BigDecimal.ZERO : Ratio.decimal(o.meanGapDays().doubleValue(), 2),
                Ratio.of(o.multiCategory(), active), issued, redeemed, expired,
                new Views.Liability(liability, Math.multiplyExact(liability, pointValue)),
                Ratio.of(redeemed, issued), Ratio.of(expired, issued));
    }

    public Views.Retention retention(DateRange range, String period) {
        Period unit;
        try {
            unit = Period.valueOf(String.valueOf(period));
        } catch (IllegalArgumentException e) {
            throw new Problems.ValidationFailed("period", "must be MONTH or WEEK");
        }
        int first = unit.index(range.from());
        int last = unit.index(range.to());
        Map<Integer, Map<Integer, Long>> activity = new TreeMap<>();
        for (long[] row : repository.cohortActivity(unit, first, last, DateRange.startOf(unit.start(last)), range.end())) {
            activity.computeIfAbsent((int) row[0], c -> new TreeMap<>()).put((int) row[1], row[2]);
        }
        List<Views.Cohort> cohorts = new ArrayList<>();
        activity.forEach((cohort, periods) -> {
            long size = periods.getOrDefault(cohort, 0L);
            List<Long> retained = new ArrayList<>();
            List<BigDecimal> rates = new ArrayList<>();
            for (int p = cohort; p <= last; p++) {
                long count = periods.getOrDefault(p, 0L);
                retained.add(count);
                rates.add(Ratio.of(count, size));
            }
            cohorts.add(new Views.Cohort(unit.label(cohort), size, retained, rates));
        });
        return new Views.Retention(unit.name(), cohorts);
    }

    public Views.Churn churn(LocalDate asOf, int inactiveDays) {
        if (inactiveDays < 1) {
            throw new Problems.ValidationFailed("inactiveDays", "must be at least 1");
        }
        Instant end = DateRange.endOf(asOf);
        long[] row = repository.churn(end, end.minus(Duration.ofDays(inactiveDays)));
        return new Views.Churn(row[0], row[1], Ratio.of(row[1], row[0]));
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

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
