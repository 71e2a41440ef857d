package io.lojal.analytics;

import static io.lojal.support.Api.admin;
import static io.lojal.support.Api.merchant;
import static io.lojal.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lojal.common.Sql;
import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.lojal.support.MutableClock;
import io.lojal.support.Tokens;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every figure of the analytics calls on a small dataset computed by hand, in a schema of its own (2030):
 * A orders 100.00 (shoes) on Jan 5, 50.00 (socks) on Jan 20 and 200.00 on Feb 10, and gets 500 points on Jan 2;
 * redeems 200 on Jan 25 and 100 on Jan 26, cancelled on Jan 27. B orders 80.00 on Jan 10 and 20.00 on Mar 15, of which
 * 10.00 is refunded. C orders 300.00 on Feb 1, earning points that expire on Mar 1. D never orders.
 * 1 point per 1.00; a point is worth 2 minor units.
 * <p>Asked twice: in {@link AnalyticsTest} with nothing folded into the analytics read model, so that every figure
 * comes from what readers add themselves, and in {@link AnalyticsRefreshedTest} after the refresh-analytics job.
 */
abstract class AnalyticsFigures {

    private static boolean seeded;
    private static String a;
    private static String b;
    static String c;

    @Inject
    MutableClock clock;

    @Inject
    Sql sql;

    static RequestSpecification analyst() {
        return Api.as(Tokens.of("analyst", "analyst-test"));
    }

    void at(String instant) {
        clock.fixAt(Instant.parse(instant));
    }

    static void order(String member, String orderId, long amount, String occurredAt, String category) {
        Map<String, Object> order = new HashMap<>(Map.of("memberId", member, "orderId", orderId, "amount", amount, "currency", "EUR",
                "occurredAt", occurredAt));
        if (category != null) {
            order.put("lines", List.of(Map.of("sku", category + "-1", "category", category, "quantity", 1, "unitPrice", amount)));
        }
        merchant().header("Idempotency-Key", Api.key()).body(order).post("/v1/earn").then().statusCode(201);
    }

    static void program(Integer expiryMonths) {
        program(expiryMonths, 0.3);
    }

    static void program(Integer expiryMonths, double grossMargin) {
        Map<String, Object> program = new HashMap<>(Fixtures.PROGRAM);
        program.put("grossMargin", grossMargin);
        program.put("redemption", Map.of("pointValue", 2, "minPoints", 100, "increment", 1));
        program.put("expiryMonths", expiryMonths);
        Fixtures.program(program);
    }

    @BeforeEach
    void prepare() {
        dataset();
        readModel();
    }

    private void dataset() {
        if (seeded) {
            return;
        }
        program(null);
        Fixtures.onlyRules(List.of(Map.of("name", "Base", "type", "SPEND", "points", 1, "per", 100)));
        at("2030-01-01T08:00:00Z");
        a = Api.enrol("a");
        b = Api.enrol("b");
        c = Api.enrol("c");
        Api.enrol("d");
        at("2030-01-02T10:00:00Z");
        Api.adjust(a, 500).statusCode(201);
        at("2030-12-31T12:00:00Z");
        order(a, "a1", 10_000, "2030-01-05T10:00:00Z", "shoes");
        order(a, "a2", 5_000, "2030-01-20T10:00:00Z", "socks");
        order(a, "a3", 20_000, "2030-02-10T10:00:00Z", null);
        order(b, "b1", 8_000, "2030-01-10T10:00:00Z", null);
        order(b, "b2", 2_000, "2030-03-15T10:00:00Z", null);
        merchant().header("Idempotency-Key", Api.key()).body(Map.of("orderId", "b2", "amount", 1_000)).post("/v1/refunds").then().statusCode(201);
        program(1);
        order(c, "c1", 30_000, "2030-02-01T10:00:00Z", null);
        program(null);
        at("2030-01-25T12:00:00Z");
        Api.redeem(a, 200).statusCode(201);
        at("2030-01-26T12:00:00Z");
        String cancelled = Api.redeem(a, 100).statusCode(201).extract().path("id");
        at("2030-01-27T12:00:00Z");
        merchant().header("Idempotency-Key", Api.key()).post("/v1/redemptions/" + cancelled + "/cancel").then().statusCode(200);
        admin().queryParam("asOf", "2030-03-02T00:00:00Z").post("/v1/admin/jobs/expire-points").then().statusCode(200)
                .body("processed", equalTo(1));
        at("2030-04-10T12:00:00Z");
        for (int score : new int[] {10, 9, 8, 3}) {
            merchant().body(Map.of("memberId", a, "kind", "NPS", "score", score)).post("/v1/feedback").then().statusCode(201);
        }
        for (int score : new int[] {5, 4, 2}) {
            merchant().body(Map.of("memberId", b, "kind", "CSAT", "score", score)).post("/v1/feedback").then().statusCode(201);
        }
        merchant().body(Map.of("memberId", a, "kind", "CLI", "answers", Map.of("recommend", 10, "repurchase", 8, "otherProducts", 6)))
                .post("/v1/feedback").then().statusCode(201);
        Api.as(Tokens.member("b")).body(Map.of("kind", "CLI", "answers", Map.of("recommend", 5, "repurchase", 5, "otherProducts", 5)))
                .post("/v1/me/feedback").then().statusCode(201);
        merchant().body(Map.of("memberId", a, "kind", "SOW", "categorySpend", 50_000, "periodDays", 90)).post("/v1/feedback").then().statusCode(201);
        merchant().body(Map.of("memberId", b, "kind", "SOW", "categorySpend", 500, "periodDays", 30)).post("/v1/feedback").then().statusCode(201);
        at("2030-12-31T12:00:00Z");
        seeded = true;
    }

    /** Puts the analytics read model in the state the figures are to be read from. */
    abstract void readModel();

    /** As if every member had ordered since the last refresh: readers compute every history themselves. */
    void markEveryHistoryStale() {
        sql.update("INSERT INTO member_history_stale SELECT member_id FROM member_history");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void januarysSummary() {
        clock.reset();
        analyst().queryParam("from", "2030-01-01").queryParam("to", "2030-01-31").get("/v1/analytics/summary").then().statusCode(200)
                .body("members", equalTo(4))
                .body("activeMembers", equalTo(2))
                .body("orders", equalTo(3))
                .body("revenue", equalTo(23_000))
                .body("averageOrderValue", equalTo(7_666))
                .body("repeatPurchaseRate", equalTo(0.5f))
                .body("purchaseFrequency", equalTo(1.5f))
                .body("averageDaysBetweenPurchases", equalTo(15))
                .body("multiProductRate", equalTo(0.5f))
                .body("pointsIssued", equalTo(730))
                .body("pointsRedeemed", equalTo(200))
                .body("pointsExpired", equalTo(0))
                // A: 300 + 100 + 50 + 200; B: 80 + 10; C: expired
                .body("pointsLiability.points", equalTo(740))
                .body("pointsLiability.value", equalTo(1_480))
                .body("redemptionRate", equalTo(0.274f))
                .body("breakageRate", equalTo(0));
    }

    @Test
    void februaryToMarchSummaryCountsRefundsAndExpiry() {
        analyst().queryParam("from", "2030-02-01").queryParam("to", "2030-03-31").get("/v1/analytics/summary").then().statusCode(200)
                .body("activeMembers", equalTo(3))
                .body("orders", equalTo(3))
                .body("revenue", equalTo(51_000))
                .body("averageOrderValue", equalTo(17_000))
                .body("repeatPurchaseRate", equalTo(0))
                .body("purchaseFrequency", equalTo(1))
                .body("averageDaysBetweenPurchases", equalTo(0))
                .body("pointsIssued", equalTo(520))
                .body("pointsExpired", equalTo(300))
                .body("breakageRate", equalTo(0.5769f));
    }

    @Test
    void anEmptyRangeIsAllZeros() {
        analyst().queryParam("from", "2031-01-01").queryParam("to", "2031-01-31").get("/v1/analytics/summary").then().statusCode(200)
                .body("activeMembers", equalTo(0)).body("orders", equalTo(0)).body("revenue", equalTo(0))
                .body("averageOrderValue", equalTo(0)).body("repeatPurchaseRate", equalTo(0)).body("redemptionRate", equalTo(0));
        // B orders before (Jan 10) and after (Mar 15) this range, and none in it.
        analyst().queryParam("from", "2030-02-11").queryParam("to", "2030-03-14").get("/v1/analytics/summary").then().statusCode(200)
                .body("activeMembers", equalTo(0)).body("orders", equalTo(0)).body("revenue", equalTo(0))
                .body("repeatPurchaseRate", equalTo(0)).body("averageDaysBetweenPurchases", equalTo(0))
                .body("multiProductRate", equalTo(0));
    }

    @Test
    void monthlyAndWeeklyRetentionCohorts() {
        analyst().queryParam("from", "2030-01-01").queryParam("to", "2030-03-31").queryParam("period", "MONTH")
                .get("/v1/analytics/retention").then().statusCode(200)
                .body("period", equalTo("MONTH"))
                .body("cohorts", hasSize(2))
                .body("cohorts[0].cohort", equalTo("2030-01")).body("cohorts[0].size", equalTo(2))
                .body("cohorts[0].retained", equalTo(List.of(2, 1, 1))).body("cohorts[0].rates", equalTo(List.of(1, 0.5f, 0.5f)))
                .body("cohorts[1].cohort", equalTo("2030-02")).body("cohorts[1].size", equalTo(1))
                .body("cohorts[1].retained", equalTo(List.of(1, 0)));
        // ISO weeks: A's first order (Sat Jan 5) is in 2030-W01, B's (Thu Jan 10) in W02; A orders again in W03.
        analyst().queryParam("from", "2030-01-01").queryParam("to", "2030-01-20").queryParam("period", "WEEK")
                .get("/v1/analytics/retention").then().statusCode(200)
                .body("cohorts[0].cohort", equalTo("2030-W01")).body("cohorts[0].retained", equalTo(List.of(1, 0, 1)))
                .body("cohorts[1].cohort", equalTo("2030-W02")).body("cohorts[1].retained", equalTo(List.of(1, 0)));
        assertProblem(analyst().queryParam("from", "2030-01-01").queryParam("to", "2030-03-31").queryParam("period", "DAY")
                .get("/v1/analytics/retention").then(), 400, "validation-failed");
    }

    @Test
    void churnCountsCustomersWithoutARecentOrder() {
        analyst().queryParam("asOf", "2030-06-30").queryParam("inactiveDays", 120).get("/v1/analytics/churn").then().statusCode(200)
                .body("customers", equalTo(3)).body("churned", equalTo(2)).body("churnRate", equalTo(0.6667f));
    }

    @Test
    void clvHistoryAndPrediction() {
        analyst().queryParam("asOf", "2030-12-31").get("/v1/analytics/clv").then().statusCode(200)
                .body("historicalAverage", equalTo(24_666))
                .body("model", equalTo("BG/NBD+Gamma-Gamma"))
                .body("horizonMonths", equalTo(12))
                .body("grossMargin", equalTo(0.3f));
        var member = merchant().queryParam("asOf", "2030-12-31").get("/v1/members/" + b + "/clv").then().statusCode(200)
                .body("historical.revenue", equalTo(9_000))
                .body("historical.orders", equalTo(2))
                .body("historical.firstOrderAt", equalTo("2030-01-10T10:00:00Z"))
                .body("historical.lastOrderAt", equalTo("2030-03-15T10:00:00Z"))
                .extract();
        double alive = ((Number) member.path("predicted.probabilityAlive")).doubleValue();
        assertTrue(alive >= 0 && alive <= 1, "P(alive) " + alive);
        analyst().queryParam("asOf", "2029-12-31").get("/v1/members/" + a + "/clv").then().statusCode(200)
                .body("historical.orders", equalTo(0)).body("historical.firstOrderAt", nullValue())
                .body("predicted.expectedValue", equalTo(0));
    }

    @Test
    void feedbackScores() {
        analyst().queryParam("from", "2030-04-01").queryParam("to", "2030-04-30").get("/v1/analytics/feedback").then().statusCode(200)
                .body("nps.promoters", equalTo(2)).body("nps.passives", equalTo(1)).body("nps.detractors", equalTo(1))
                .body("nps.responses", equalTo(4)).body("nps.score", equalTo(25))
                .body("csat.score", equalTo(66.67f)).body("csat.responses", equalTo(3))
                .body("cli.score", equalTo(6.5f)).body("cli.responses", equalTo(2))
                .body("shareOfWallet.score", equalTo(0.75f)).body("shareOfWallet.responses", equalTo(2));
    }

    @Test
    void feedbackIsValidatedByKind() {
        assertProblem(merchant().body(Map.of("memberId", a, "kind", "NPS", "score", 11)).post("/v1/feedback").then(), 400, "validation-failed");
        assertProblem(merchant().body(Map.of("memberId", a, "kind", "CSAT", "score", 0)).post("/v1/feedback").then(), 400, "validation-failed");
        assertProblem(merchant().body(Map.of("memberId", a, "kind", "CLI", "score", 5)).post("/v1/feedback").then(), 400, "validation-failed");
        assertProblem(merchant().body(Map.of("memberId", a, "kind", "SOW", "categorySpend", 100)).post("/v1/feedback").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("periodDays"));
    }

    @Test
    void analyticsNeedAnAnalystAndValidDates() {
        assertProblem(merchant().queryParam("from", "2030-01-01").queryParam("to", "2030-01-31").get("/v1/analytics/summary").then(),
                403, "forbidden");
        assertProblem(analyst().queryParam("from", "2030-02-01").queryParam("to", "2030-01-01").get("/v1/analytics/summary").then(),
                400, "validation-failed");
        assertProblem(analyst().queryParam("to", "2030-01-01").get("/v1/analytics/summary").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("from"));
        assertProblem(analyst().queryParam("asOf", "yesterday").get("/v1/analytics/churn").then(), 400, "validation-failed");
    }
}
