package io.lojal.analytics;

import static io.lojal.support.Api.admin;
import static io.lojal.support.Api.merchant;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lojal.analytics.ClvEstimates.ClvEstimate;
import io.lojal.analytics.clv.BgNbd;
import io.lojal.analytics.clv.ClvFit;
import io.lojal.analytics.clv.GammaGamma;
import io.lojal.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The figures of {@link AnalyticsFigures} read from the stored rows the refresh-analytics job writes. */
@QuarkusTest
@TestProfile(AnalyticsProfile.class)
class AnalyticsRefreshedTest extends AnalyticsFigures {

    @Override
    void readModel() {
        admin().post("/v1/admin/jobs/refresh-analytics").then().statusCode(200).body("job", equalTo("refresh-analytics"));
        // Nothing is left for readers to add.
        admin().post("/v1/admin/jobs/refresh-analytics").then().statusCode(200).body("processed", equalTo(0));
        // It vacuums the append tables it emptied: no dead rows are left for the next run and readers to scan (the
        // empty pages stay, for the next writes to reuse).
        sql.update("CREATE EXTENSION IF NOT EXISTS pgstattuple SCHEMA public");
        long dead = sql.one("""
                SELECT sum(dead_tuple_count) FROM unnest(ARRAY['member_history_stale', 'points_day_change',
                       'liability_day_change']) AS t (name), public.pgstattuple(name)""", row -> row.getLong(1));
        assertEquals(0, dead);
    }

    /** A quick estimate is stored and recomputed on the next call after orders change (here: a new order, then its refund). */
    @Test
    void aClvEstimateFollowsNewOrdersAndRefunds() {
        var asked = analyst().queryParam("asOf", "2031-12-31");
        asked.get("/v1/analytics/clv").then().statusCode(200).body("historicalAverage", equalTo(24_666));
        asked.get("/v1/analytics/clv").then().statusCode(200).body("historicalAverage", equalTo(24_666));
        at("2031-12-31T12:00:00Z");
        order(c, "c-2031", 6_000, "2031-06-01T10:00:00Z", null);
        asked.get("/v1/analytics/clv").then().statusCode(200).body("historicalAverage", equalTo(26_666));
        merchant().header("Idempotency-Key", Api.key()).body(Map.of("orderId", "c-2031", "amount", 6_000)).post("/v1/refunds")
                .then().statusCode(201);
        asked.get("/v1/analytics/clv").then().statusCode(200).body("historicalAverage", equalTo(24_666));
    }

    @Inject
    ClvEstimates estimates;

    /** A stored prediction is kept before the margin, so a new gross margin applies at once. */
    @Test
    void aStoredPredictionIsServedAtTheCurrentGrossMargin() {
        LocalDate asOf = LocalDate.parse("2050-01-01");
        estimates.save(new ClvEstimate(asOf, 12, estimates.orderChanges(), Instant.now(), 3, 10000.5,
                Optional.of(new ClvFit(new BgNbd(0.24, 4.4, 0.79, 2.4), new GammaGamma(6.25, 3.74, 1544)))));
        var asked = analyst().queryParam("asOf", asOf.toString());
        asked.get("/v1/analytics/clv").then().statusCode(200)
                .body("predictedAverage", equalTo(3_000)).body("params.r", equalTo(0.24f)).body("grossMargin", equalTo(0.3f));
        try {
            program(null, 0.6);
            asked.get("/v1/analytics/clv").then().statusCode(200).body("predictedAverage", equalTo(6_000)).body("grossMargin", equalTo(0.6f));
        } finally {
            program(null);
        }
    }

    /** 300 members a year between two orders: their gaps in microseconds add up past a bigint. */
    @Test
    void theMeanGapOfManyLongHistoriesIsExact() {
        sql.update("""
                INSERT INTO member (id, status, tier_code, enrolled_at)
                SELECT 'gap-' || i, 'ACTIVE', 'MEMBER', timestamptz '2040-01-01' FROM generate_series(1, 300) i""");
        sql.update("""
                INSERT INTO earn_order (order_id, member_id, amount, currency, points, earn_points, occurred_at)
                SELECT 'gap-' || i || '-' || d, 'gap-' || i, 100, 'EUR', 1, 1, timestamptz '2040-01-01' + d * interval '364 days'
                  FROM generate_series(1, 300) i, generate_series(0, 1) d""");
        admin().post("/v1/admin/jobs/refresh-analytics").then().statusCode(200).body("processed", equalTo(300));
        analyst().queryParam("from", "2040-01-01").queryParam("to", "2040-12-31")
                .get("/v1/analytics/summary").then().statusCode(200)
                .body("activeMembers", equalTo(300)).body("orders", equalTo(600)).body("averageDaysBetweenPurchases", equalTo(364));
    }

    @Inject
    AnalyticsRefresh refresh;

    /**
     * Orders committed while refreshes fold others are neither lost nor counted twice: 8 writers put 400 orders of 20
     * members, each in a transaction of its own, while refreshes run back to back; the figures read during and after
     * add up, and every stored history is what its orders give.
     */
    @Test
    void ordersWrittenDuringRefreshesAreCountedOnce() throws Exception {
        sql.update("""
                INSERT INTO member (id, status, tier_code, enrolled_at)
                SELECT 'race-' || i, 'ACTIVE', 'MEMBER', timestamptz '2045-01-01' FROM generate_series(1, 20) i""");
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            AtomicBoolean writing = new AtomicBoolean(true);
            Future<Integer> refreshes = pool.submit(() -> {
                int runs = 0;
                while (writing.get()) {
                    refresh.run();
                    runs++;
                }
                return runs;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int k = 0; k < 50; k++) {
                        sql.update("""
                                INSERT INTO earn_order (order_id, member_id, amount, currency, points, earn_points, lines, occurred_at)
                                VALUES (?1, ?2, 100, 'EUR', 1, 1, CAST(?3 AS jsonb), timestamptz '2045-03-01' + ?4 * interval '1 minute')""",
                                "race-" + writer + "-" + k, "race-" + (1 + (writer * 50 + k) % 20),
                                "[{\"category\": \"" + (k % 3 == 0 ? "hats" : "shoes") + "\"}]", writer * 50 + k);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            assertTrue(refreshes.get(60, TimeUnit.SECONDS) > 0);
        } finally {
            pool.shutdownNow();
        }
        var asked = analyst().queryParam("from", "2045-01-01").queryParam("to", "2045-12-31");
        asked.get("/v1/analytics/summary").then().statusCode(200)
                .body("activeMembers", equalTo(20)).body("orders", equalTo(400)).body("revenue", equalTo(40_000))
                .body("multiProductRate", equalTo(1));
        refresh.run();
        asked.get("/v1/analytics/summary").then().statusCode(200).body("orders", equalTo(400)).body("revenue", equalTo(40_000));
        assertEquals(0, historiesNotThoseOfTheirOrders("race-", 20), "stored histories that differ from their orders");
    }

    /**
     * A history extended with new orders is the one rebuilt from all the orders: 30 members get orders in rounds, one
     * or two each, later than their others, with no, one or two categories, some on the day, week or month of the last;
     * the refreshes between rounds extend the stored histories. A refunded order and a backdated one have their
     * members' histories rebuilt instead.
     */
    @Test
    void historiesExtendedWithNewOrdersAreThoseOfAllTheirOrders() {
        sql.update("""
                INSERT INTO member (id, status, tier_code, enrolled_at)
                SELECT 'ext-' || i, 'ACTIVE', 'MEMBER', timestamptz '2046-01-01' FROM generate_series(1, 30) i""");
        refresh.run();
        long extended = 0;
        for (int round = 0; round < 6; round++) {
            sql.update("""
                    INSERT INTO earn_order
                           (order_id, member_id, amount, currency, points, earn_points, lines, occurred_at)
                    SELECT 'ext-' || i || '-' || ?1 || '-' || n, 'ext-' || i, 100 * i + n, 'EUR', 1, 1,
                           CAST((ARRAY[NULL, '[{"category": "hats"}]', '[{"category": "shoes"}, {"sku": "x"}]',
                                       '[{"category": "hats"}, {"category": "shoes"}]'])[1 + (i * 7 + ?1 * 3 + n) % 4]
                                AS jsonb),
                           timestamptz '2046-01-01' + ?1 * (i % 5) * interval '9 days'
                           + (?1 * 2 + n) * interval '1 hour'
                      FROM generate_series(1, 30) i, generate_series(0, (i + ?1) % 2) n""", round);
            AnalyticsRefresh.Folded folded = refresh.run();
            assertEquals(30, folded.members());
            extended += folded.extended();
        }
        assertEquals(5 * 30, extended, "histories extended in the rounds after the first");
        sql.update("UPDATE earn_order SET refunded_amount = 50 WHERE order_id = 'ext-1-2-0'");
        sql.update("""
                INSERT INTO earn_order (order_id, member_id, amount, currency, points, earn_points, occurred_at)
                VALUES ('ext-2-early', 'ext-2', 300, 'EUR', 1, 1, timestamptz '2045-12-31')""");
        assertEquals(new AnalyticsRefresh.Folded(2, 0), refresh.run());
        assertEquals(0, historiesNotThoseOfTheirOrders("ext-", 30), "stored histories that differ from their orders");
    }

    /** Members prefix1..prefixN whose stored history (or its absence) is not what member_history_of gives now. */
    private long historiesNotThoseOfTheirOrders(String prefix, int members) {
        return sql.one("""
                SELECT count(*) FROM member_history h
                  FULL JOIN member_history_of(ARRAY(SELECT ?1 || i FROM generate_series(1, ?2) i)) f USING (member_id)
                 WHERE (h.member_id LIKE ?1 || '%' OR f.member_id LIKE ?1 || '%')
                   AND (h.order_at IS DISTINCT FROM f.order_at OR h.revenue_sum IS DISTINCT FROM f.revenue_sum
                        OR h.mix IS DISTINCT FROM f.mix OR h.months IS DISTINCT FROM f.months
                        OR h.weeks IS DISTINCT FROM f.weeks OR h.days IS DISTINCT FROM f.days
                        OR h.day_value_sum IS DISTINCT FROM f.day_value_sum)""", row -> row.getLong(1), prefix, members);
    }

    @Test
    void theRefreshRebuildsEveryStaleHistory() {
        markEveryHistoryStale();
        admin().post("/v1/admin/jobs/refresh-analytics").then().statusCode(200).body("processed", greaterThanOrEqualTo(3));
    }
}
