package io.lojal.common;

import static io.lojal.support.Api.merchant;
import static io.lojal.support.Api.unique;
import static io.lojal.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.lojal.support.Ledgers;
import io.lojal.support.Parallel;
import io.lojal.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    @Inject
    DataSource db;

    @BeforeEach
    void program() {
        Fixtures.standardProgram();
    }

    private static Map<String, Object> order(String member, String orderId) {
        return Map.of("memberId", member, "orderId", orderId, "amount", 12_300, "currency", "EUR");
    }

    @Test
    void aRetryReplaysTheFirstAnswerAndChangesNothing() {
        String member = Api.enrol();
        String key = Api.key();
        Map<String, Object> order = order(member, unique("o"));
        Response first = merchant().header("Idempotency-Key", key).body(order).post("/v1/earn");
        first.then().statusCode(201);
        assertEquals(null, first.header("Idempotent-Replayed"));

        Response retry = merchant().header("Idempotency-Key", key).body(order).post("/v1/earn");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.jsonPath().getMap(""), retry.jsonPath().getMap(""));
        assertEquals(first.asString(), retry.asString(), "the stored JSON is the JSON first sent");
        assertTrue(retry.contentType().startsWith("application/json"), retry.contentType());
        assertEquals(123, Api.available(member));
    }

    @Test
    void aRetriedRedemptionReplaysItsAnswerAndTakesThePointsOnce() {
        // The debit goes with the idempotency check, before the stored answer is known to exist: a replay must undo it.
        String member = Api.enrol();
        Api.adjust(member, 1_000).statusCode(201);
        String key = Api.key();
        Map<String, Object> redeem = Map.of("memberId", member, "points", 300);
        Response first = merchant().header("Idempotency-Key", key).body(redeem).post("/v1/redemptions");
        first.then().statusCode(201).body("balance.available", equalTo(700));

        Response retry = merchant().header("Idempotency-Key", key).body(redeem).post("/v1/redemptions");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), retry.asString());
        assertEquals(700, Api.available(member));
        assertEquals(1, Ledgers.count(db, "SELECT count(*) FROM ledger_entry WHERE member_id = ? AND type = 'REDEEM'", member));
    }

    @Test
    void twentyParallelRedemptionsWithOneKeyTakeThePointsOnce() throws Exception {
        String member = Api.enrol();
        Api.adjust(member, 1_000).statusCode(201);
        String key = Api.key();
        Map<String, Object> redeem = Map.of("memberId", member, "points", 100);

        List<Response> responses = Parallel.run(20, () -> merchant().header("Idempotency-Key", key).body(redeem)
                .post("/v1/redemptions"));

        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201 && r.header("Idempotent-Replayed") == null)
                .count(), "exactly one attempt is applied");
        for (Response response : responses) {
            boolean inProgress = response.statusCode() == 409
                    && "https://lojal.dev/problems/idempotency-in-progress".equals(response.jsonPath().getString("type"));
            assertTrue(response.statusCode() == 201 || inProgress, "unexpected " + response.statusCode() + " " + response.asString());
            if (response.statusCode() == 201) {
                assertEquals(900, response.jsonPath().getInt("balance.available"));
            }
        }
        assertEquals(900, Api.available(member));
        assertEquals(1, Ledgers.count(db, "SELECT count(*) FROM ledger_entry WHERE member_id = ? AND type = 'REDEEM'", member));
        assertEquals(1, Ledgers.count(db, "SELECT count(*) FROM redemption WHERE member_id = ?", member));
    }

    @Test
    void aKeyReusedWithAnotherBodyIsRefused() {
        String member = Api.enrol();
        String key = Api.key();
        merchant().header("Idempotency-Key", key).body(order(member, unique("o"))).post("/v1/earn").then().statusCode(201);
        assertProblem(merchant().header("Idempotency-Key", key).body(order(member, unique("o"))).post("/v1/earn").then(),
                422, "idempotency-key-reuse");
        assertProblem(merchant().header("Idempotency-Key", key).body(Map.of("memberId", member, "points", 100)).post("/v1/redemptions").then(),
                422, "idempotency-key-reuse");
        assertEquals(123, Api.available(member));
    }

    @Test
    void keysAreScopedToTheCaller() {
        String member = Api.enrol();
        String key = Api.key();
        Api.as(Tokens.of("merchant", "shop-a")).header("Idempotency-Key", key).body(order(member, unique("o"))).post("/v1/earn")
                .then().statusCode(201);
        Api.as(Tokens.of("merchant", "shop-b")).header("Idempotency-Key", key).body(order(member, unique("o"))).post("/v1/earn")
                .then().statusCode(201).header("Idempotent-Replayed", (String) null);
        assertEquals(246, Api.available(member));
    }

    @Test
    void aMissingOrOverlongKeyIsRefused() {
        String member = Api.enrol();
        assertProblem(merchant().body(order(member, unique("o"))).post("/v1/earn").then(), 400, "idempotency-key-missing");
        assertProblem(merchant().header("Idempotency-Key", "").body(order(member, unique("o"))).post("/v1/earn").then(),
                400, "idempotency-key-missing");
        assertProblem(merchant().header("Idempotency-Key", "k".repeat(256)).body(order(member, unique("o"))).post("/v1/earn").then(),
                400, "validation-failed");
        merchant().header("Idempotency-Key", "k".repeat(255)).body(order(member, unique("o"))).post("/v1/earn").then().statusCode(201);
    }

    @Test
    void aRefusedCallStoresNothingSoItsRetryIsAnsweredAfresh() {
        String member = Api.enrol();
        String key = Api.key();
        Map<String, Object> redeem = Map.of("memberId", member, "points", 100);
        assertProblem(merchant().header("Idempotency-Key", key).body(redeem).post("/v1/redemptions").then(), 422, "insufficient-points");
        Api.adjust(member, 100).statusCode(201);
        merchant().header("Idempotency-Key", key).body(redeem).post("/v1/redemptions").then().statusCode(201)
                .body("balance.available", equalTo(0));
    }

    @Test
    void twentyParallelEarnsWithOneKeyAwardOnce() throws Exception {
        String member = Api.enrol();
        String key = Api.key();
        String orderId = unique("o");
        Map<String, Object> order = order(member, orderId);

        List<Response> responses = Parallel.run(20, () -> merchant().header("Idempotency-Key", key).body(order).post("/v1/earn"));

        long applied = responses.stream().filter(r -> r.statusCode() == 201 && r.header("Idempotent-Replayed") == null).count();
        assertEquals(1, applied, "exactly one attempt is applied");
        for (Response response : responses) {
            boolean replayed = response.statusCode() == 201 && "true".equals(response.header("Idempotent-Replayed"));
            boolean inProgress = response.statusCode() == 409
                    && "https://lojal.dev/problems/idempotency-in-progress".equals(response.jsonPath().getString("type"));
            assertTrue(response.statusCode() == 201 || inProgress, "unexpected " + response.statusCode() + " " + response.asString());
            if (response.statusCode() == 201 && replayed) {
                assertEquals(123, response.jsonPath().getInt("points"));
            }
        }
        assertEquals(123, Api.available(member));
        assertEquals(1, Ledgers.count(db, "SELECT count(*) FROM ledger_entry WHERE order_id = ?", orderId));
        // Once the first attempt is done, a retry is answered from the store.
        merchant().header("Idempotency-Key", key).body(order).post("/v1/earn").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("points", equalTo(123));
    }
}
