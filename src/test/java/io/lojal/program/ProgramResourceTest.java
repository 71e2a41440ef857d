package io.lojal.program;

import static io.lojal.support.Api.admin;
import static io.lojal.support.Api.merchant;
import static io.lojal.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.lojal.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgramResourceTest {

    @AfterEach
    void standard() {
        Fixtures.standardProgram();
    }

    @Test
    void anAdminReplacesTheProgramAndEveryoneReadsIt() {
        Map<String, Object> program = new HashMap<>(Fixtures.PROGRAM);
        program.put("name", "Gold Club");
        program.put("expiryMonths", 24);
        program.put("grossMargin", 0.25);
        admin().body(program).put("/v1/program").then().statusCode(200)
                .body("name", equalTo("Gold Club")).body("expiryMonths", equalTo(24)).body("grossMargin", equalTo(0.25f));
        merchant().get("/v1/program").then().statusCode(200)
                .body("name", equalTo("Gold Club"))
                .body("currency", equalTo("EUR"))
                .body("pendingDays", equalTo(0))
                .body("tierWindowMonths", equalTo(12))
                .body("redemption.minPoints", equalTo(100))
                .body("referral.referrerPoints", equalTo(500));
    }

    @Test
    void expiryMayBeSwitchedOff() {
        Map<String, Object> program = new HashMap<>(Fixtures.PROGRAM);
        program.put("expiryMonths", null);
        admin().body(program).put("/v1/program").then().statusCode(200).body("expiryMonths", nullValue());
    }

    @Test
    void anInvalidProgramIsRefusedFieldByField() {
        Map<String, Object> program = new HashMap<>(Fixtures.PROGRAM);
        program.put("currency", "euro");
        program.put("pendingDays", -1);
        program.put("grossMargin", 1.5);
        program.put("redemption", Map.of("pointValue", 1, "minPoints", 0, "increment", 1));
        assertProblem(admin().body(program).put("/v1/program").then(), 400, "validation-failed")
                .body("errors.field", hasItems("currency", "pendingDays", "grossMargin", "redemption.minPoints"));
        program = new HashMap<>(Fixtures.PROGRAM);
        program.remove("referral");
        assertProblem(admin().body(program).put("/v1/program").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("referral"));
    }
}
