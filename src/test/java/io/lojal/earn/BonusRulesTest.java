package io.lojal.earn;

import static io.lojal.support.Api.merchant;
import static io.lojal.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.lojal.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BonusRulesTest {

    @AfterEach
    void standard() {
        Fixtures.standardProgram();
    }

    @Test
    void aSignupBonusIsPaidAtEnrolment() {
        Fixtures.onlyRules(List.of(Map.of("name", "Welcome", "type", "BONUS", "points", 150, "trigger", "SIGNUP")));
        merchant().body(Map.of("externalId", unique("new"))).post("/v1/members").then().statusCode(201)
                .body("points.available", equalTo(150)).body("points.lifetimeEarned", equalTo(150));
    }

    @Test
    void aFirstOrderBonusIsPaidOnceAsABonusEntry() {
        Fixtures.onlyRules(List.of(Map.of("name", "Base", "type", "SPEND", "points", 1, "per", 100),
                Map.of("name", "First order", "type", "BONUS", "points", 200, "trigger", "FIRST_ORDER")));
        String member = Api.enrol();
        Api.earn(member, unique("o"), 1_000).statusCode(201).body("points", equalTo(210))
                .body("breakdown.kind", equalTo(List.of("SPEND", "BONUS")));
        Api.earn(member, unique("o"), 1_000).statusCode(201).body("points", equalTo(10));
        List<String> types = merchant().get("/v1/members/" + member + "/transactions").then().extract().path("items.type");
        assertEquals(List.of("EARN", "BONUS", "EARN"), types);
    }

    @Test
    void twoFirstOrdersAtTheSameTimePayTheFirstOrderBonusOnce() throws Exception {
        Fixtures.onlyRules(List.of(Map.of("name", "First order", "type", "BONUS", "points", 200, "trigger", "FIRST_ORDER")));
        String member = Api.enrol();
        List<Response> responses = Parallel.run(4, () -> merchant().header("Idempotency-Key", Api.key())
                .body(Map.of("memberId", member, "orderId", unique("o"), "amount", 1_000, "currency", "EUR")).post("/v1/earn"));
        responses.forEach(r -> assertEquals(201, r.statusCode()));
        assertEquals(200, responses.stream().mapToInt(r -> r.jsonPath().getInt("points")).sum());
        assertEquals(200, Api.available(member));
    }

    @Test
    void aBirthdayBonusIsPaidOnTheFirstOrderInTheBirthdayMonthOnceAYear() {
        Fixtures.onlyRules(List.of(Map.of("name", "Happy birthday", "type", "BONUS", "points", 300, "trigger", "BIRTHDAY")));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String member = merchant().body(Map.of("externalId", unique("bday"), "birthDate", today.minusYears(30).toString()))
                .post("/v1/members").then().statusCode(201).extract().path("id");
        String other = merchant().body(Map.of("externalId", unique("bday"), "birthDate", today.minusYears(30).plusMonths(6).toString()))
                .post("/v1/members").then().statusCode(201).extract().path("id");
        merchant().body(Map.of("memberId", member, "orderId", unique("o"), "amount", 500, "currency", "EUR"))
                .post("/v1/earn/quote").then().statusCode(200).body("points", equalTo(300));
        Api.earn(member, unique("o"), 500).statusCode(201).body("points", equalTo(300));
        Api.earn(member, unique("o"), 500).statusCode(201).body("points", equalTo(0));
        merchant().body(Map.of("memberId", member, "orderId", unique("o"), "amount", 500, "currency", "EUR"))
                .post("/v1/earn/quote").then().statusCode(200).body("points", equalTo(0));
        Api.earn(other, unique("o"), 500).statusCode(201).body("points", equalTo(0));
    }

    @Test
    void bonusPointsAreClawedBackWithTheOrdersPoints() {
        Fixtures.onlyRules(List.of(Map.of("name", "Base", "type", "SPEND", "points", 1, "per", 100),
                Map.of("name", "Thanks", "type", "BONUS", "points", 50, "trigger", "ORDER")));
        String member = Api.enrol();
        String orderId = unique("o");
        Api.earn(member, orderId, 10_000).statusCode(201).body("points", equalTo(150));
        merchant().header("Idempotency-Key", Api.key()).body(Map.of("orderId", orderId, "amount", 10_000)).post("/v1/refunds")
                .then().statusCode(201).body("points", equalTo(150)).body("balance.available", equalTo(0));
    }
}
