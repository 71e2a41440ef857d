package io.lojal.redeem;

import static io.lojal.support.Api.merchant;
import static io.lojal.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RedemptionResourceTest {

    @BeforeEach
    void program() {
        Map<String, Object> program = new HashMap<>(Fixtures.PROGRAM);
        program.put("redemption", Map.of("pointValue", 2, "minPoints", 100, "increment", 50));
        Fixtures.program(program);
    }

    @AfterEach
    void standard() {
        Fixtures.standardProgram();
    }

    @Test
    void redeemingTakesPointsAndValuesThemAtPointValue() {
        String member = Api.enrol();
        Api.adjust(member, 1_000).statusCode(201);
        merchant().header("Idempotency-Key", Api.key()).body(Map.of("memberId", member, "points", 350, "orderId", "basket-1"))
                .post("/v1/redemptions").then().statusCode(201)
                .body("id", notNullValue())
                .body("memberId", equalTo(member))
                .body("points", equalTo(350))
                .body("value.amount", equalTo(700))
                .body("value.currency", equalTo("EUR"))
                .body("status", equalTo("COMPLETED"))
                .body("createdAt", notNullValue())
                .body("balance.available", equalTo(650));
        merchant().get("/v1/members/" + member).then()
                .body("points.available", equalTo(650)).body("points.lifetimeRedeemed", equalTo(350));
        merchant().get("/v1/members/" + member + "/transactions").then()
                .body("items[0].type", equalTo("REDEEM")).body("items[0].points", equalTo(-350))
                .body("items[0].orderId", equalTo("basket-1"));
    }

    @Test
    void redemptionRulesAreEnforced() {
        String member = Api.enrol();
        Api.adjust(member, 1_000).statusCode(201);
        assertProblem(Api.redeem(member, 50), 422, "redemption-rule-violation");
        assertProblem(Api.redeem(member, 120), 422, "redemption-rule-violation");
        assertEquals(1_000, Api.available(member));
        Api.redeem(member, 150).statusCode(201).body("balance.available", equalTo(850));
    }

    @Test
    void aMemberNamedByExternalIdRedeems() {
        String externalId = Api.unique("shop-customer");
        String member = Api.enrol(externalId);
        Api.adjust(member, 500).statusCode(201);
        merchant().header("Idempotency-Key", Api.key()).body(Map.of("externalId", externalId, "points", 200))
                .post("/v1/redemptions").then().statusCode(201)
                .body("memberId", equalTo(member)).body("balance.available", equalTo(300));
        assertEquals(300, Api.available(member));
    }

    @Test
    void redeemingForAnUnknownMemberIsNotFound() {
        assertProblem(Api.redeem("mem_nosuch", 100), 404, "not-found");
        assertProblem(merchant().header("Idempotency-Key", Api.key()).body(Map.of("externalId", "nosuch", "points", 100))
                .post("/v1/redemptions").then(), 404, "not-found");
    }

    @Test
    void redeemingMoreThanAvailableIsRefused() {
        String member = Api.enrol();
        Api.adjust(member, 200).statusCode(201);
        assertProblem(Api.redeem(member, 250), 422, "insufficient-points");
        assertProblem(Api.redeem(member, 0), 400, "validation-failed");
        Api.redeem(member, 200).statusCode(201).body("balance.available", equalTo(0));
        assertProblem(Api.redeem(member, 100), 422, "insufficient-points");
    }

    @Test
    void cancellingGivesThePointsBackOnce() {
        String member = Api.enrol();
        Api.adjust(member, 500).statusCode(201);
        String id = Api.redeem(member, 300).statusCode(201).extract().path("id");

        merchant().header("Idempotency-Key", Api.key()).post("/v1/redemptions/" + id + "/cancel").then().statusCode(200)
                .body("id", equalTo(id)).body("status", equalTo("CANCELLED")).body("balance.available", equalTo(500));
        assertProblem(merchant().header("Idempotency-Key", Api.key()).post("/v1/redemptions/" + id + "/cancel").then(),
                409, "already-cancelled");
        merchant().get("/v1/members/" + member).then()
                .body("points.available", equalTo(500)).body("points.lifetimeRedeemed", equalTo(0));
        merchant().get("/v1/members/" + member + "/transactions").then()
                .body("items[0].type", equalTo("REVERSAL")).body("items[0].points", equalTo(300));
    }

    @Test
    void cancellingAnUnknownRedemptionIsNotFound() {
        assertProblem(merchant().header("Idempotency-Key", Api.key()).post("/v1/redemptions/red_nosuch/cancel").then(), 404, "not-found");
    }

    @Test
    void redeemAndCancelNeedAnIdempotencyKey() {
        String member = Api.enrol();
        assertProblem(merchant().body(Map.of("memberId", member, "points", 100)).post("/v1/redemptions").then(), 400, "idempotency-key-missing");
        assertProblem(merchant().post("/v1/redemptions/red_x/cancel").then(), 400, "idempotency-key-missing");
    }
}
