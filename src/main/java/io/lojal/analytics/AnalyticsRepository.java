package io.lojal.analytics;

import io.lojal.analytics.clv.Customer;
import io.lojal.analytics.clv.GammaGamma;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/** The analytics queries: set-based, in PostgreSQL; Java only receives aggregates. */
@ApplicationScoped
public class AnalyticsRepository {

    @Inject
    EntityManager em;

    /** members, activeMembers, orders, revenue, repeaters, mean gap (days), multi-category members. */
    public Object[] orderFigures(Instant start, Instant end) {
        return (Object[]) em.createNativeQuery("""
                WITH o AS (
                    SELECT member_id, occurred_at, amount - refunded_amount AS revenue, lines
                      FROM earn_order WHERE occurred_at >= ?1 AND occurred_at < ?2),
                per_member AS (SELECT member_id, count(*) AS orders FROM o GROUP BY member_id),
                gaps AS (
                    SELECT EXTRACT(EPOCH FROM occurred_at - lag(occurred_at) OVER (PARTITION BY member_id ORDER BY occurred_at)) / 86400.0 AS days
                      FROM o),
                multi AS (
                    SELECT o.member_id FROM o CROSS JOIN LATERAL jsonb_array_elements(COALESCE(o.lines, '[]'::jsonb)) line
                     WHERE line->>'category' IS NOT NULL
                     GROUP BY o.member_id HAVING count(DISTINCT line->>'category') >= 2)
                SELECT (SELECT count(*) FROM member WHERE enrolled_at < ?2),
                       (SELECT count(*) FROM per_member),
                       (SELECT count(*) FROM o),
                       (SELECT COALESCE(SUM(revenue), 0) FROM o),
                       (SELECT count(*) FROM per_member WHERE orders >= 2),
                       (SELECT avg(days) FROM gaps WHERE days IS NOT NULL),
                       (SELECT count(*) FROM multi)""")
                .setParameter(1, start).setParameter(2, end).getSingleResult();
    }

    /** pointsIssued, pointsRedeemed (net of cancels), pointsExpired, by the entries' occurredAt. */
    public Object[] pointFigures(Instant start, Instant end) {
        return (Object[]) em.createNativeQuery("""
                SELECT COALESCE(SUM(points) FILTER (WHERE type IN ('EARN', 'BONUS', 'REFERRAL', 'ADJUST') AND points > 0), 0),
                       COALESCE(-SUM(points) FILTER (WHERE type = 'REDEEM'), 0)
                         - COALESCE(SUM(points) FILTER (WHERE type = 'REVERSAL' AND redemption_id IS NOT NULL), 0),
                       COALESCE(-SUM(points) FILTER (WHERE type = 'EXPIRE'), 0)
                  FROM ledger_entry WHERE occurred_at >= ?1 AND occurred_at < ?2""")
                .setParameter(1, start).setParameter(2, end).getSingleResult();
    }

    /** All members' available and pending points at {@code now}: unexpired lots less debts. */
    public long liability(Instant now) {
        return ((Number) em.createNativeQuery("""
                SELECT (SELECT COALESCE(SUM(remaining), 0) FROM lot WHERE remaining > 0 AND (expires_at IS NULL OR expires_at > ?1))
                     - (SELECT COALESCE(SUM(debt), 0) FROM member_balance)""")
                .setParameter(1, now).getSingleResult()).longValue();
    }

    /** (cohort period start, activity period start, members) for members whose first order ever falls in the range. */
    @SuppressWarnings("unchecked")
    public List<Object[]> cohortActivity(String unit, Instant start, Instant end) {
        return em.createNativeQuery("""
                WITH o AS (
                    SELECT member_id, date_trunc(?1, occurred_at AT TIME ZONE 'UTC') AS period FROM earn_order WHERE occurred_at < ?3),
                first AS (SELECT member_id, min(period) AS cohort FROM o GROUP BY member_id)
                SELECT CAST(f.cohort AS date), CAST(o.period AS date), count(DISTINCT o.member_id)
                  FROM o JOIN first f USING (member_id)
                 WHERE f.cohort >= date_trunc(?1, CAST(?2 AS timestamptz) AT TIME ZONE 'UTC')
                 GROUP BY 1, 2 ORDER BY 1, 2""")
                .setParameter(1, unit).setParameter(2, start).setParameter(3, end).getResultList();
    }

    /** customers with an order before {@code end}, and those whose last order is at or before {@code inactiveSince}. */
    public Object[] churn(Instant end, Instant inactiveSince) {
        return (Object[]) em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE last_order <= ?2)
                  FROM (SELECT max(occurred_at) AS last_order FROM earn_order WHERE occurred_at < ?1 GROUP BY member_id) customers""")
                .setParameter(1, end).setParameter(2, inactiveSince).getSingleResult();
    }

    /** Per member before {@code end}, on distinct UTC days: x, tx and T in days, and the mean value of its repeat days. */
    private static final String PER_MEMBER = """
            WITH days AS (
                SELECT member_id, CAST(occurred_at AT TIME ZONE 'UTC' AS date) AS day, SUM(amount - refunded_amount) AS value
                  FROM earn_order WHERE occurred_at < ?1 GROUP BY 1, 2),
            ranked AS (SELECT member_id, day, value, row_number() OVER (PARTITION BY member_id ORDER BY day) AS n FROM days),
            per_member AS (
                SELECT count(*) - 1 AS x, max(day) - min(day) AS tx,
                       CAST(CAST(CAST(?1 AS timestamptz) AT TIME ZONE 'UTC' AS date) - 1 - min(day) AS integer) AS t,
                       avg(value) FILTER (WHERE n > 1) AS mean
                  FROM ranked GROUP BY member_id)
            """;

    /**
     * Purchase histories grouped into identical (x, tx, T): how many members, how many of them with a positive repeat
     * value, and the sum of those values' means (what the expected spend, linear in the mean, needs).
     */
    @SuppressWarnings("unchecked")
    public List<PurchaseHistory> purchaseHistories(Instant end) {
        List<Object[]> rows = em.createNativeQuery(PER_MEMBER + """
                SELECT x, tx, t, count(*), count(*) FILTER (WHERE mean > 0), COALESCE(SUM(mean) FILTER (WHERE mean > 0), 0)
                  FROM per_member GROUP BY 1, 2, 3""").setParameter(1, end).getResultList();
        return rows.stream().map(r -> new PurchaseHistory(((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                ((Number) r[2]).intValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                ((Number) r[5]).doubleValue())).toList();
    }

    /** Repeat buyers' (x, mean repeat-day value), the value rounded to 10 minor units so that few groups carry the fit. */
    @SuppressWarnings("unchecked")
    public List<GammaGamma.Spender> spenders(Instant end) {
        List<Object[]> rows = em.createNativeQuery(PER_MEMBER + """
                SELECT x, GREATEST(10, round(mean / 10) * 10), count(*) FROM per_member WHERE x > 0 AND mean > 0 GROUP BY 1, 2""")
                .setParameter(1, end).getResultList();
        return rows.stream().map(r -> new GammaGamma.Spender(((Number) r[0]).intValue(), ((Number) r[1]).doubleValue(),
                ((Number) r[2]).longValue())).toList();
    }

    /** Members with the same purchase history (days), and the sum of the mean repeat values of those that have one. */
    public record PurchaseHistory(int x, int txDays, int tDays, long count, long valued, double sumOfMeans) {

        public Customer customer() {
            return new Customer(x, txDays / 7.0, tDays / 7.0, count);
        }
    }

    /** Customers before {@code end} and their total revenue. */
    public Object[] customerRevenue(Instant end) {
        return (Object[]) em.createNativeQuery("""
                SELECT count(DISTINCT member_id), COALESCE(SUM(amount - refunded_amount), 0) FROM earn_order WHERE occurred_at < ?1""")
                .setParameter(1, end).getSingleResult();
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
