package io.lojal.ledger;

import static io.lojal.support.Api.admin;
import static io.lojal.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.lojal.support.Api;
import io.lojal.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdjustmentResourceTest {

    @Test
    void anAdminAdjustsPointsUpAndDown() {
        String member = Api.enrol();
        admin().header("Idempotency-Key", Api.key()).body(Map.of("points", 300, "reason", "Goodwill"))
                .post("/v1/members/" + member + "/adjustments").then().statusCode(201)
                .body("id", notNullValue()).body("type", equalTo("ADJUST")).body("points", equalTo(300))
                .body("description", equalTo("Goodwill")).body("createdAt", notNullValue());
        Api.adjust(member, -450).statusCode(201).body("points", equalTo(-450));
        Api.merchant().get("/v1/members/" + member).then().body("points.available", equalTo(-150));
    }

    @Test
    void anAdjustmentOfZeroOrWithoutReasonIsRefused() {
        String member = Api.enrol();
        assertProblem(admin().header("Idempotency-Key", Api.key()).body(Map.of("points", 0, "reason", "x"))
                .post("/v1/members/" + member + "/adjustments").then(), 400, "validation-failed").body("errors[0].field", equalTo("points"));
        assertProblem(admin().header("Idempotency-Key", Api.key()).body(Map.of("points", 5))
                .post("/v1/members/" + member + "/adjustments").then(), 400, "validation-failed").body("errors[0].field", equalTo("reason"));
    }

    @Test
    void onlyAnAdminAdjusts() {
        String member = Api.enrol();
        assertProblem(Api.as(Tokens.merchant()).header("Idempotency-Key", Api.key()).body(Map.of("points", 5, "reason", "x"))
                .post("/v1/members/" + member + "/adjustments").then(), 403, "forbidden");
    }

    @Test
    void adjustingAnUnknownMemberIsNotFound() {
        assertProblem(Api.adjust("mem_nosuch", 5), 404, "not-found");
    }
}
