package io.lojal.analytics;

import io.lojal.analytics.clv.Customer;
import io.lojal.analytics.clv.GammaGamma;
import io.lojal.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The analytics queries: set-based, in PostgreSQL, over the read model of migration V5; Java only receives aggregates.
 * Each is a transaction of its own, so that {@link #hashStaleMarks} holds for it.
 */
@ApplicationScoped
@Transactional
public class AnalyticsRepository {

    @Inject
    EntityManager em;

    @Inject
    Sql sql;

    /** The order figures of a range, in the read model's units (see {@link #micros}). */
    public record OrderFigures(long members, long activeMembers, long orders, long revenue, long repeaters,
                               BigDecimal meanGapDays, long multiCategory) {
    }

    /**
     * Each member's orders in [start, end) are the positions (before, upto] of its sorted order_at, found by binary
     * search; the gaps between them telescope to last − first, the revenue is a difference of running sums, and
     * whether they span two categories is one look at mix.
     */
    public OrderFigures orderFigures(Instant start, Instant end) {
        hashStaleMarks();
        long members = sql.one("SELECT count(*) FROM member WHERE enrolled_at < ?1", row -> row.getLong(1), end);
        return sql.one("""
                WITH ranged AS (
                    SELECT order_at, revenue_sum, mix, width_bucket(?1 - 1, order_at) AS before, width_bucket(?2 - 1, order_at) AS upto
                      FROM member_history_now WHERE order_at[1] < ?2 AND order_at[cardinality(order_at)] >= ?1)
                -- A member may have orders before and after the range and none in it.
                SELECT count(*) FILTER (WHERE upto > before), COALESCE(SUM(upto - before), 0),
                       COALESCE(SUM(revenue_sum[upto] - COALESCE(revenue_sum[before], 0)) FILTER (WHERE upto > before), 0),
                       count(*) FILTER (WHERE upto - before >= 2),
                       -- numeric: a million members' gaps in microseconds overflow a bigint
                       SUM(CAST(order_at[upto] - order_at[before + 1] AS numeric)) FILTER (WHERE upto - before >= 2)
                         / SUM(upto - before - 1) FILTER (WHERE upto - before >= 2) / 86400000000,
                       count(*) FILTER (WHERE mix[before + 1] <= upto)
                  FROM ranged""",
                row -> new OrderFigures(members, row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getBigDecimal(5), row.getLong(6)),
                micros(start), micros(end));
    }

    /** pointsIssued, pointsRedeemed (net of cancels), pointsExpired of the entries that occurred on the days from..to. */
    public long[] pointFigures(LocalDate from, LocalDate to) {
        return sql.one("""
                SELECT COALESCE(SUM(issued), 0), COALESCE(SUM(redeemed), 0), COALESCE(SUM(expired), 0)
                  FROM (SELECT * FROM points_day WHERE day BETWEEN ?1 AND ?2
                        UNION ALL SELECT * FROM points_day_change WHERE day BETWEEN ?1 AND ?2) days""",
                row -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)}, from, to);
    }

    /**
     * All members' available and pending points at {@code now}: the lots expiring after today by day, today's
     * one by one (some of them are gone already), less debts.
     */
    public long liability(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return sql.one("""
                SELECT (SELECT COALESCE(SUM(points), 0)
                          FROM (SELECT * FROM liability_day WHERE expires_on > ?2
                                UNION ALL SELECT * FROM liability_day_change WHERE expires_on > ?2) days)
                     + (SELECT COALESCE(SUM(remaining), 0) FROM lot WHERE remaining > 0 AND expires_at > ?1 AND expires_at < ?3)
                     - (SELECT COALESCE(SUM(debt), 0) FROM member_balance WHERE debt > 0)""",
                row -> row.getLong(1), now, today, DateRange.endOf(today));
    }

    /**
     * (cohort, period, members) for members whose first order ever falls in periods first..last: every period before
     * the last from the stored period numbers; the last one, which may reach past {@code end}, from the orders before it.
     */
    public List<long[]> cohortActivity(Period unit, int first, int last, Instant lastStart, Instant end) {
        hashStaleMarks();
        return sql.list("""
                WITH cohort AS MATERIALIZED (
                    SELECT %1$s AS periods, order_at FROM member_history_now WHERE %1$s[1] BETWEEN ?1 AND ?2)
                SELECT periods[1], period, count(*) FROM cohort, unnest(periods) period WHERE period < ?2 GROUP BY 1, 2
                UNION ALL
                SELECT periods[1], ?2, count(*) FROM cohort
                 WHERE width_bucket(?4 - 1, order_at) > width_bucket(?3 - 1, order_at) GROUP BY 1""".formatted(unit.column()),
                row -> new long[] {row.getInt(1), row.getInt(2), row.getLong(3)}, first, last, micros(lastStart), micros(end));
    }

    /** customers with an order before {@code end}, and those whose last order before it is at or before {@code inactiveSince}. */
    public long[] churn(Instant end, Instant inactiveSince) {
        hashStaleMarks();
        return sql.one("""
                SELECT count(*), count(*) FILTER (WHERE order_at[width_bucket(?1 - 1, order_at)] <= ?2)
                  FROM member_history_now WHERE order_at[1] < ?1""",
                row -> new long[] {row.getLong(1), row.getLong(2)}, micros(end), micros(inactiveSince));
    }

    /**
     * Per member up to day {@code asOf} (its k days with orders): x = k − 1, tx and T in days, and the mean value of its
     * repeat days, from the running sums of its day values.
     */
    private static final String PER_MEMBER = """
            WITH upto AS (
                SELECT days, day_value_sum, width_bucket(?1, days) AS k FROM member_history_now WHERE days[1] <= ?1),
            per_member AS (
                SELECT k - 1 AS x, days[k] - days[1] AS tx, ?1 - days[1] AS t,
                       CASE WHEN k > 1 THEN CAST(day_value_sum[k] - day_value_sum[1] AS numeric) / (k - 1) END AS mean
                  FROM upto)
            """;

    /**
     * Purchase histories grouped into identical (x, tx, T): how many members, how many of them with a positive repeat
     * value, and the sum of those values' means (what the expected spend, linear in the mean, needs).
     */
    public List<PurchaseHistory> purchaseHistories(LocalDate asOf) {
        hashStaleMarks();
        return sql.list(PER_MEMBER + """
                SELECT x, tx, t, count(*), count(*) FILTER (WHERE mean > 0), COALESCE(SUM(mean) FILTER (WHERE mean > 0), 0)
                  FROM per_member GROUP BY 1, 2, 3""",
                row -> new PurchaseHistory(row.getInt(1), row.getInt(2), row.getInt(3), row.getLong(4), row.getLong(5),
                        row.getDouble(6)), (int) asOf.toEpochDay());
    }

    /** Repeat buyers' (x, mean repeat-day value), the value rounded to 10 minor units so that few groups carry the fit. */
    public List<GammaGamma.Spender> spenders(LocalDate asOf) {
        hashStaleMarks();
        return sql.list(PER_MEMBER + """
                SELECT x, GREATEST(10, round(mean / 10) * 10), count(*) FROM per_member WHERE x > 0 AND mean > 0 GROUP BY 1, 2""",
                row -> new GammaGamma.Spender(row.getInt(1), row.getDouble(2), row.getLong(3)), (int) asOf.toEpochDay());
    }

    /** Members with the same purchase history (days), and the sum of the mean repeat values of those that have one. */
    public record PurchaseHistory(int x, int txDays, int tDays, long count, long valued, double sumOfMeans) {

        public Customer customer() {
            return new Customer(x, txDays / 7.0, tDays / 7.0, count);
        }
    }

    /** Customers before {@code end} and their total revenue. */
    public long[] customerRevenue(Instant end) {
        hashStaleMarks();
        return sql.one("""
                SELECT count(*), COALESCE(SUM(revenue_sum[width_bucket(?1 - 1, order_at)]), 0)
                  FROM member_history_now WHERE order_at[1] < ?1""",
                row -> new long[] {row.getLong(1), row.getLong(2)}, micros(end));
    }

    /**
     * Readers of member_history_now leave out the members with stale marks, a table whose size swings between empty and
     * thousands of rows faster than its statistics follow; on too high an estimate the planner sorts the whole read
     * model for a merge join (2 s instead of 0.3 s at 1M members) where hashing the marks is always right.
     */
    private void hashStaleMarks() {
        sql.update("SET LOCAL enable_mergejoin = off");
    }

    /** The read model's time unit: microseconds since the epoch. */
    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** One member before {@code end}: revenue, orders, first and last order, and its (x, tx, T in days, repeat mean). */
    public Object[] member(String memberId, Instant end) {
        return (Object[]) em.createNativeQuery("""
                WITH o AS (SELECT occurred_at, amount - refunded_amount AS revenue FROM earn_order WHERE member_id = ?1 AND occurred_at < ?2),
                days AS (SELECT CAST(occurred_at AT TIME ZONE 'UTC' AS date) AS day, SUM(revenue) AS value FROM o GROUP BY 1),
                ranked AS (SELECT day, value, row_number() OVER (ORDER BY day) AS n FROM days)
                SELECT (SELECT COALESCE(SUM(revenue), 0) FROM o), (SELECT count(*) FROM o),
                       (SELECT min(occurred_at) FROM o), (SELECT max(occurred_at) FROM o),
                       (SELECT count(*) - 1 FROM days), (SELECT max(day) - min(day) FROM days),
                       (SELECT CAST(CAST(CAST(?2 AS timestamptz) AT TIME ZONE 'UTC' AS date) - 1 - min(day) AS integer) FROM days),
                       (SELECT avg(value) FROM ranked WHERE n > 1)""")
                .setParameter(1, memberId).setParameter(2, end).getSingleResult();
    }

    /** Per kind: responses, and the sums the scores need, for feedback received in the range. */
    public Object[] feedback(Instant start, Instant end) {
        return (Object[]) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE kind = 'NPS'),
                       count(*) FILTER (WHERE kind = 'NPS' AND score >= 9),
                       count(*) FILTER (WHERE kind = 'NPS' AND score BETWEEN 7 AND 8),
                       count(*) FILTER (WHERE kind = 'NPS' AND score <= 6),
                       count(*) FILTER (WHERE kind = 'CSAT'),
                       count(*) FILTER (WHERE kind = 'CSAT' AND score >= 4),
                       count(*) FILTER (WHERE kind = 'CLI'),
                       avg((recommend + repurchase + other_products) / 3.0) FILTER (WHERE kind = 'CLI'),
                       count(*) FILTER (WHERE kind = 'SOW'),
                       avg(LEAST(1.0, (SELECT COALESCE(SUM(o.amount - o.refunded_amount), 0) FROM earn_order o
                                        WHERE o.member_id = f.member_id AND o.occurred_at < f.received_at
                                          AND o.occurred_at >= f.received_at - make_interval(days => f.period_days))
                                       / CAST(f.category_spend AS numeric))) FILTER (WHERE kind = 'SOW')
                  FROM feedback f WHERE received_at >= ?1 AND received_at < ?2""")
                .setParameter(1, start).setParameter(2, end).getSingleResult();
    }
}
