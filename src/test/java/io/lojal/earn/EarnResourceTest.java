package io.lojal.earn;

import static io.lojal.support.Api.merchant;
import static io.lojal.support.Api.unique;
import static io.lojal.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.lojal.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EarnResourceTest {

    private List<String> ruleIds;

    @BeforeEach
    void rules() {
        Fixtures.program(Fixtures.PROGRAM);
        ruleIds = Fixtures.onlyRules(List.of(
                Map.of("name", "Base", "type", "SPEND", "points", 1, "per", 100),
                Map.of("name", "Electronics", "type", "SPEND", "points", 3, "per", 200, "categories", List.of("electronics")),
                Map.of("name", "Web only", "type", "SPEND", "points", 1, "per", 1000, "channels", List.of("WEB"))));
    }

    @AfterEach
    void standard() {
        Fixtures.standardProgram();
    }

    private static Map<String, Object> order(String memberId, String orderId, long amount) {
        Map<String, Object> order = new HashMap<>();
        order.put("memberId", memberId);
        order.put("orderId", orderId);
        order.put("amount", amount);
        order.put("currency", "EUR");
        return order;
    }

    @Test
    void anOrderEarnsTheSumOfItsSpendRulesEachRoundedDown() {
        String member = Api.enrol();
        String orderId = unique("o");
        Map<String, Object> order = order(member, orderId, 10_150);
        order.put("channel", "WEB");
        order.put("lines", List.of(
                Map.of("sku", "tv", "category", "electronics", "quantity", 1, "unitPrice", 9_999),
                Map.of("sku", "cable", "category", "accessories", "quantity", 1, "unitPrice", 151)));

        // Base floor(10150 × 1 / 100) = 101; Electronics floor(9999 × 3 / 200) = 149; Web only floor(10150 / 1000) = 10.
        merchant().header("Idempotency-Key", Api.key()).body(order).post("/v1/earn")
                .then().statusCode(201)
                .body("transactionId", notNullValue())
                .body("memberId", equalTo(member))
                .body("orderId", equalTo(orderId))
                .body("points", equalTo(260))
                .body("breakdown", hasSize(3))
                .body("breakdown.find { it.ruleId == '" + ruleIds.get(0) + "' }.points", equalTo(101))
                .body("breakdown.find { it.ruleId == '" + ruleIds.get(1) + "' }.points", equalTo(149))
                .body("breakdown.find { it.ruleId == '" + ruleIds.get(2) + "' }.points", equalTo(10))
                .body("breakdown.kind", equalTo(List.of("SPEND", "SPEND", "SPEND")))
                .body("status", equalTo("AVAILABLE"))
                .body("balance.available", equalTo(260))
                .body("balance.pending", equalTo(0))
                .body("tier.code", equalTo("MEMBER"))
                .body("tier.changed", equalTo(false));

        merchant().get("/v1/members/" + member).then()
                .body("points.available", equalTo(260)).body("points.lifetimeEarned", equalTo(260));
        merchant().get("/v1/members/" + member + "/transactions").then()
                .body("items[0].type", equalTo("EARN")).body("items[0].orderId", equalTo(orderId)).body("items[0].points", equalTo(260));
    }

    @Test
    void aQuoteComputesTheSameAndWritesNothing() {
        String member = Api.enrol();
        Map<String, Object> order = order(member, unique("o"), 10_150);
        order.put("channel", "APP");
        int quoted = merchant().body(order).post("/v1/earn/quote").then().statusCode(200)
                .body("points", equalTo(101)).body("breakdown", hasSize(1)).extract().path("points");
        merchant().get("/v1/members/" + member).then().body("points.available", equalTo(0));
        merchant().header("Idempotency-Key", Api.key()).body(order).post("/v1/earn").then().statusCode(201).body("points", equalTo(quoted));
    }

    @Test
    void theMemberCanBeNamedByExternalId() {
        String externalId = unique("ext");
        String member = Api.enrol(externalId);
        Map<String, Object> order = order(null, unique("o"), 500);
        order.remove("memberId");
        order.put("externalId", externalId);
        merchant().header("Idempotency-Key", Api.key()).body(order).post("/v1/earn").then().statusCode(201)
                .body("memberId", equalTo(member)).body("points", equalTo(5));
    }

    @Test
    void anOrderEarnsOnlyOnce() {
        String member = Api.enrol();
        String orderId = unique("o");
        Api.earn(member, orderId, 1_000).statusCode(201);
        assertProblem(Api.earn(member, orderId, 1_000), 409, "duplicate-order");
        assertProblem(Api.earn(Api.enrol(), orderId, 1_000), 409, "duplicate-order");
        merchant().get("/v1/members/" + member).then().body("points.available", equalTo(10));
    }

    @Test
    void racingCallsForOneOrderWithDifferentKeysEarnOnce() throws Exception {
        String member = Api.enrol();
        String orderId = unique("o");
        List<Integer> statuses = Parallel.run(8, () -> merchant().header("Idempotency-Key", Api.key())
                .body(order(member, orderId, 1_000)).post("/v1/earn").then().extract().statusCode());
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        merchant().get("/v1/members/" + member).then().body("points.available", equalTo(10));
    }

    @Test
    void theAnswerIsStoredAsItIsSentAndItsBalanceIsWrittenAsJacksonWritesIt() {
        String member = Api.enrol();
        Api.earn(member, unique("o"), 1_000).statusCode(201);
        Map<String, Object> order = order(member, unique("o"), 2_000);
        String key = Api.key();
        String first = merchant().header("Idempotency-Key", key).body(order).post("/v1/earn").then().statusCode(201)
                .extract().asString();
        assertTrue(first.contains("\"balance\":{\"available\":30,\"pending\":0}"), first);
        String replay = merchant().header("Idempotency-Key", key).body(order).post("/v1/earn").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().asString();
        assertEquals(first, replay);
    }

    @Test
    void anOrderInAnotherCurrencyIsRefused() {
        Map<String, Object> order = order(Api.enrol(), unique("o"), 1_000);
        order.put("currency", "USD");
        assertProblem(merchant().header("Idempotency-Key", Api.key()).body(order).post("/v1/earn").then(), 422, "currency-mismatch");
        assertProblem(merchant().body(order).post("/v1/earn/quote").then(), 422, "currency-mismatch");
    }

    @Test
    void linesMustAddUpToTheAmount() {
        Map<String, Object> order = order(Api.enrol(), unique("o"), 1_000);
        order.put("lines", List.of(Map.of("sku", "a", "quantity", 2, "unitPrice", 400)));
        assertProblem(merchant().header("Idempotency-Key", Api.key()).body(order).post("/v1/earn").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("lines"));
    }

    @Test
    void invalidOrdersAreRefusedFieldByField() {
        Map<String, Object> order = new HashMap<>();
        order.put("memberId", Api.enrol());
        order.put("amount", -1);
        order.put("currency", "euro");
        order.put("lines", List.of(Map.of("sku", "", "quantity", 0, "unitPrice", 5)));
        assertProblem(merchant().header("Idempotency-Key", Api.key()).body(order).post("/v1/earn").then(), 400, "validation-failed")
                .body("errors.field", equalTo(List.of("amount", "currency", "lines[0].quantity", "lines[0].sku", "orderId")));
    }

    @Test
    void theMemberMustBeNamedExactlyOnceAndExist() {
        Map<String, Object> neither = order(null, unique("o"), 100);
        neither.remove("memberId");
        assertProblem(merchant().header("Idempotency-Key", Api.key()).body(neither).post("/v1/earn").then(), 400, "validation-failed");
        Map<String, Object> both = order(Api.enrol(), unique("o"), 100);
        both.put("externalId", "x");
        assertProblem(merchant().header("Idempotency-Key", Api.key()).body(both).post("/v1/earn").then(), 400, "validation-failed");
        assertProblem(Api.earn("mem_nosuchmember", unique("o"), 100), 404, "not-found");
    }

    @Test
    void anOrderOfZeroEarnsZero() {
        String member = Api.enrol();
        Api.earn(member, unique("o"), 0).statusCode(201).body("points", equalTo(0)).body("breakdown", hasSize(0));
    }
}
