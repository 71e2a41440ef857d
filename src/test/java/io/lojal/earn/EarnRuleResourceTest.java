package io.lojal.earn;

import static io.lojal.support.Api.admin;
import static io.lojal.support.Api.merchant;
import static io.lojal.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EarnRuleResourceTest {

    @AfterEach
    void standard() {
        Fixtures.standardProgram();
    }

    @Test
    void anAdminCreatesReadsReplacesAndDeletesARule() {
        var created = admin().body(Map.of("name", "Shoes", "type", "SPEND", "points", 2, "per", 100,
                        "categories", List.of("shoes"), "channels", List.of("WEB", "APP"), "validFrom", "2026-01-01T00:00:00Z"))
                .post("/v1/earn-rules").then().statusCode(201)
                .body("name", equalTo("Shoes")).body("type", equalTo("SPEND")).body("active", equalTo(true))
                .body("categories", equalTo(List.of("shoes"))).body("validFrom", equalTo("2026-01-01T00:00:00Z"))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/v1/earn-rules/" + id));

        merchant().get("/v1/earn-rules/" + id).then().statusCode(200).body("points", equalTo(2)).body("channels", hasItems("WEB", "APP"));
        merchant().get("/v1/earn-rules").then().statusCode(200).body("items.id", hasItems(id));

        admin().body(Map.of("name", "Shoes x3", "type", "SPEND", "points", 3, "per", 100, "active", false))
                .put("/v1/earn-rules/" + id).then().statusCode(200).body("name", equalTo("Shoes x3")).body("active", equalTo(false));
        merchant().get("/v1/earn-rules/" + id).then().body("points", equalTo(3));

        admin().delete("/v1/earn-rules/" + id).then().statusCode(204);
        assertProblem(merchant().get("/v1/earn-rules/" + id).then(), 404, "not-found");
        assertProblem(admin().delete("/v1/earn-rules/" + id).then(), 404, "not-found");
    }

    @Test
    void eachTypeNeedsItsOwnFieldsAndNoOthers() {
        assertProblem(admin().body(Map.of("name", "x", "type", "SPEND", "points", 1)).post("/v1/earn-rules").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("per"));
        assertProblem(admin().body(Map.of("name", "x", "type", "MULTIPLIER", "factor", 2, "per", 100)).post("/v1/earn-rules").then(),
                400, "validation-failed").body("errors[0].field", equalTo("per"));
        assertProblem(admin().body(Map.of("name", "x", "type", "BONUS", "points", 100)).post("/v1/earn-rules").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("trigger"));
        assertProblem(admin().body(Map.of("name", "x", "type", "SPEND", "points", 1, "per", 0)).post("/v1/earn-rules").then(),
                400, "validation-failed");
        assertProblem(admin().body(Map.of("name", "x", "type", "SPEND", "points", 1, "per", 100,
                        "validFrom", "2026-02-01T00:00:00Z", "validTo", "2026-01-01T00:00:00Z")).post("/v1/earn-rules").then(),
                400, "validation-failed").body("errors[0].field", equalTo("validTo"));
        assertProblem(admin().body(Map.of("name", "x", "type", "LOTTERY")).post("/v1/earn-rules").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void aRuleChangeAppliesToTheNextEarn() {
        Fixtures.standardProgram();
        String member = Api.enrol();
        Api.earn(member, Api.unique("o"), 1_000).statusCode(201).body("points", equalTo(10));
        Fixtures.onlyRules(List.of(Map.of("name", "Double", "type", "SPEND", "points", 2, "per", 100),
                Map.of("name", "Campaign", "type", "MULTIPLIER", "factor", 1.5),
                Map.of("name", "Thanks", "type", "BONUS", "points", 7, "trigger", "ORDER")));
        // floor(20 × 1.5) + 7
        Api.earn(member, Api.unique("o"), 1_000).statusCode(201).body("points", equalTo(37))
                .body("breakdown.kind", equalTo(List.of("SPEND", "MULTIPLIER", "BONUS")))
                .body("breakdown.points", equalTo(List.of(20, 10, 7)));
    }

    @Test
    void conditionsAreCheckedAgainstTheOrder() {
        Fixtures.onlyRules(List.of(Map.of("name", "March", "type", "SPEND", "points", 1, "per", 100,
                        "validFrom", "2026-03-01T00:00:00Z", "validTo", "2026-03-31T23:59:59Z"),
                Map.of("name", "Big baskets", "type", "BONUS", "points", 100, "trigger", "ORDER", "minAmount", 50_000),
                Map.of("name", "App", "type", "MULTIPLIER", "factor", 3, "channels", List.of("APP"))));
        String member = Api.enrol();
        quote(member, 10_000, "2026-03-01T00:00:00Z", "APP").body("points", equalTo(300));
        quote(member, 10_000, "2026-03-31T23:59:59Z", "WEB").body("points", equalTo(100));
        quote(member, 10_000, "2026-04-01T00:00:00Z", "APP").body("points", equalTo(0));
        quote(member, 50_000, "2026-02-28T23:59:59Z", "WEB").body("points", equalTo(100))
                .body("breakdown.kind", equalTo(List.of("BONUS")));
        quote(member, 49_999, "2026-03-10T00:00:00Z", "WEB").body("points", equalTo(499));
    }

    private static io.restassured.response.ValidatableResponse quote(String member, long amount, String occurredAt, String channel) {
        return merchant().body(Map.of("memberId", member, "orderId", Api.unique("q"), "amount", amount, "currency", "EUR",
                "occurredAt", occurredAt, "channel", channel)).post("/v1/earn/quote").then().statusCode(200);
    }

    @Test
    void onlyAnAdminWritesRules() {
        assertProblem(merchant().body(Map.of("name", "x", "type", "SPEND", "points", 1, "per", 100)).post("/v1/earn-rules").then(),
                403, "forbidden");
    }
}
