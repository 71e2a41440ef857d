package io.lojal.earn;

import static io.lojal.support.Api.merchant;
import static io.lojal.support.Api.unique;
import static io.lojal.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefundResourceTest {

    @BeforeEach
    void program() {
        Fixtures.standardProgram();
    }

    private static ValidatableResponse refund(String orderId, long amount) {
        return merchant().header("Idempotency-Key", Api.key()).body(Map.of("orderId", orderId, "amount", amount))
                .post("/v1/refunds").then();
    }

    @Test
    void refundsClawBackInProportionRoundedDownOverall() {
        String member = Api.enrol();
        String orderId = unique("o");
        Api.earn(member, orderId, 10_000).statusCode(201).body("points", equalTo(100));

        // floor(100 × 3333 / 10000) = 33
        refund(orderId, 3_333).statusCode(201).body("transactionId", notNullValue()).body("points", equalTo(33))
                .body("balance.available", equalTo(67));
        // floor(100 × 6666 / 10000) = 66, minus the 33 taken before
        refund(orderId, 3_333).statusCode(201).body("points", equalTo(33)).body("balance.available", equalTo(34));
        // the last refund takes the rest: 100 − 66
        refund(orderId, 3_334).statusCode(201).body("points", equalTo(34)).body("balance.available", equalTo(0));

        merchant().get("/v1/members/" + member).then().body("points.lifetimeEarned", equalTo(0));
        merchant().get("/v1/members/" + member + "/transactions").then()
                .body("items[0].type", equalTo("REFUND")).body("items[0].points", equalTo(-34)).body("items[0].orderId", equalTo(orderId));
    }

    @Test
    void refundsBeyondTheOrderAmountAreRefused() {
        String orderId = unique("o");
        Api.earn(Api.enrol(), orderId, 1_000).statusCode(201);
        refund(orderId, 600).statusCode(201);
        assertProblem(refund(orderId, 401), 422, "refund-exceeds-order");
        refund(orderId, 400).statusCode(201);
        assertProblem(refund(orderId, 1), 422, "refund-exceeds-order");
    }

    @Test
    void aRefundMayTakeTheBalanceBelowZeroAndThenTheMemberCannotRedeem() {
        String member = Api.enrol();
        String orderId = unique("o");
        Api.earn(member, orderId, 50_000).statusCode(201);
        Api.redeem(member, 400).statusCode(201);
        refund(orderId, 50_000).statusCode(201).body("points", equalTo(500)).body("balance.available", equalTo(-400));
        assertProblem(Api.redeem(member, 100), 422, "insufficient-points");
        Api.adjust(member, 500).statusCode(201);
        Api.redeem(member, 100).statusCode(201).body("balance.available", equalTo(0));
    }

    @Test
    void refundingAnUnknownOrderIsNotFound() {
        assertProblem(refund(unique("never-earned"), 100), 404, "not-found");
    }

    @Test
    void invalidRefundsAreRefused() {
        assertProblem(merchant().header("Idempotency-Key", Api.key()).body(Map.of("orderId", "x", "amount", 0)).post("/v1/refunds").then(),
                400, "validation-failed").body("errors[0].field", equalTo("amount"));
        assertProblem(merchant().body(Map.of("orderId", "x", "amount", 5)).post("/v1/refunds").then(), 400, "idempotency-key-missing");
    }
}
