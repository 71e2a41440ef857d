package io.lojal.analytics;

import static io.lojal.support.Api.admin;
import static io.lojal.support.Api.merchant;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.lojal.support.Api;
import io.lojal.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
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
    }

    /** A quick estimate is stored and recomputed on the next call after orders change (here: a new order, then its refund). */
    @Test
    void aClvEstimateFollowsNewOrdersAndRefunds() {
        var analyst = Api.as(Tokens.of("analyst", "analyst-test")).queryParam("asOf", "2031-12-31");
        analyst.get("/v1/analytics/clv").then().statusCode(200).body("historicalAverage", equalTo(24_666));
        analyst.get("/v1/analytics/clv").then().statusCode(200).body("historicalAverage", equalTo(24_666));
        at("2031-12-31T12:00:00Z");
        order(c, "c-2031", 6_000, "2031-06-01T10:00:00Z", null);
        analyst.get("/v1/analytics/clv").then().statusCode(200).body("historicalAverage", equalTo(26_666));
        merchant().header("Idempotency-Key", Api.key()).body(Map.of("orderId", "c-2031", "amount", 6_000)).post("/v1/refunds")
                .then().statusCode(201);
        analyst.get("/v1/analytics/clv").then().statusCode(200).body("historicalAverage", equalTo(24_666));
    }

    @Test
    void theRefreshRebuildsEveryStaleHistory() {
        sql.update("INSERT INTO member_history_stale SELECT member_id FROM member_history");
        admin().post("/v1/admin/jobs/refresh-analytics").then().statusCode(200).body("processed", greaterThanOrEqualTo(3));
    }
}
