package io.lojal.referral;

import static io.lojal.support.Api.merchant;
import static io.lojal.support.Api.unique;
import static io.lojal.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.lojal.support.Parallel;
import io.lojal.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Referrer 500 points, referee 250, on a first order of at least 50.00, at most 2 rewards a referrer a year. */
@QuarkusTest
class ReferralTest {

    @BeforeEach
    void program() {
        Map<String, Object> program = new HashMap<>(Fixtures.PROGRAM);
        program.put("referral", Map.of("referrerPoints", 500, "refereePoints", 250, "minFirstOrderAmount", 5_000,
                "maxRewardsPerReferrerPerYear", 2));
        Fixtures.program(program);
        Fixtures.onlyRules(List.of());
    }

    @AfterEach
    void standard() {
        Fixtures.standardProgram();
    }

    private static String codeFor(String member, String role, String subject) {
        return Api.as(Tokens.of(role, subject)).body(Map.of("memberId", member)).post("/v1/referral-codes").then().statusCode(201)
                .body("memberId", equalTo(member)).body("source", equalTo(subject)).body("createdAt", notNullValue())
                .body("code", matchesPattern("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}"))
                .extract().path("code");
    }

    private static String enrolWith(String code) {
        return merchant().body(Map.of("externalId", unique("friend"), "referralCode", code)).post("/v1/members").then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void partnersMerchantsAndAdminsIssueCodesNamedAfterThemselves() {
        String referrer = Api.enrol();
        codeFor(referrer, "partner", "partner-acme");
        codeFor(referrer, "merchant", "shop-1");
        String code = codeFor(referrer, "admin", "ops");
        merchant().get("/v1/referral-codes/" + code).then().statusCode(200)
                .body("code", equalTo(code)).body("memberId", equalTo(referrer)).body("source", equalTo("ops"))
                .body("uses", equalTo(0)).body("rewarded", equalTo(0));
        assertProblem(Api.as(Tokens.member("x")).body(Map.of("memberId", referrer)).post("/v1/referral-codes").then(), 403, "forbidden");
        assertProblem(merchant().get("/v1/referral-codes/NOSUCHCODE").then(), 404, "not-found");
    }

    @Test
    void aMemberGetsItsOwnCodeOnItsFirstCall() {
        String externalId = unique("app");
        String member = Api.enrol(externalId);
        String code = Api.as(Tokens.member(externalId)).get("/v1/me/referral-code").then().statusCode(200)
                .body("memberId", equalTo(member)).body("source", equalTo(externalId)).extract().path("code");
        Api.as(Tokens.member(externalId)).get("/v1/me/referral-code").then().statusCode(200).body("code", equalTo(code));
    }

    @Test
    void enrolmentWithACodeRecordsTheReferrer() {
        String referrer = Api.enrol();
        String code = codeFor(referrer, "partner", "partner-acme");
        String friend = enrolWith(code);
        merchant().get("/v1/members/" + friend).then().body("referredBy", equalTo(referrer));
        merchant().get("/v1/members/" + referrer + "/referrals").then().statusCode(200)
                .body("items[0].refereeId", equalTo(friend)).body("items[0].status", equalTo("PENDING"))
                .body("items[0].rewardedAt", nullValue()).body("nextCursor", nullValue());
        merchant().get("/v1/referral-codes/" + code).then().body("uses", equalTo(1));
    }

    @Test
    void selfReferralsAndUnknownCodesAreRefused() {
        String externalId = unique("self");
        String referrer = merchant().body(Map.of("externalId", externalId, "email", "Self@Example.com")).post("/v1/members")
                .then().statusCode(201).extract().path("id");
        String code = codeFor(referrer, "merchant", "shop-1");
        assertProblem(merchant().body(Map.of("externalId", unique("other"), "email", "self@example.COM", "referralCode", code))
                .post("/v1/members").then(), 422, "self-referral");
        assertProblem(merchant().body(Map.of("externalId", externalId, "referralCode", code)).post("/v1/members").then(),
                422, "self-referral");
        assertProblem(merchant().body(Map.of("externalId", unique("x"), "referralCode", "ZZZZZZZZZZ")).post("/v1/members").then(),
                422, "invalid-referral-code");
    }

    @Test
    void theFirstQualifyingOrderRewardsBothSidesOnce() {
        String referrer = Api.enrol();
        String code = codeFor(referrer, "partner", "partner-acme");
        String friend = enrolWith(code);
        Api.earn(friend, unique("small"), 4_999).statusCode(201);
        assertEquals(0, Api.available(referrer));
        Api.earn(friend, unique("first"), 5_000).statusCode(201);
        Api.earn(friend, unique("later"), 9_000).statusCode(201);

        assertEquals(500, Api.available(referrer));
        assertEquals(250, Api.available(friend));
        merchant().get("/v1/members/" + referrer + "/transactions").then().body("items[0].type", equalTo("REFERRAL"))
                .body("items[0].points", equalTo(500));
        merchant().get("/v1/members/" + referrer + "/referrals").then()
                .body("items[0].status", equalTo("REWARDED")).body("items[0].rewardedAt", notNullValue());
        merchant().get("/v1/referral-codes/" + code).then().body("uses", equalTo(1)).body("rewarded", equalTo(1));
    }

    @Test
    void pastTheYearlyCapAReferralIsCappedAndPaysNothing() {
        String referrer = Api.enrol();
        String code = codeFor(referrer, "partner", "partner-acme");
        for (int i = 0; i < 3; i++) {
            Api.earn(enrolWith(code), unique("o"), 5_000).statusCode(201);
        }
        assertEquals(1_000, Api.available(referrer));
        List<String> statuses = merchant().get("/v1/members/" + referrer + "/referrals").then().extract().path("items.status");
        assertEquals(List.of("CAPPED", "REWARDED", "REWARDED"), statuses);
    }

    @Test
    void aFullRefundOfTheQualifyingOrderReversesBothRewards() {
        String referrer = Api.enrol();
        String friend = enrolWith(codeFor(referrer, "partner", "partner-acme"));
        String orderId = unique("first");
        Api.earn(friend, orderId, 10_000).statusCode(201);
        merchant().header("Idempotency-Key", Api.key()).body(Map.of("orderId", orderId, "amount", 4_000)).post("/v1/refunds")
                .then().statusCode(201);
        assertEquals(500, Api.available(referrer));
        merchant().header("Idempotency-Key", Api.key()).body(Map.of("orderId", orderId, "amount", 6_000)).post("/v1/refunds")
                .then().statusCode(201);
        assertEquals(0, Api.available(referrer));
        assertEquals(0, Api.available(friend));
        merchant().get("/v1/members/" + referrer + "/referrals").then().body("items[0].status", equalTo("REVERSED"));
        merchant().get("/v1/members/" + referrer + "/transactions").then()
                .body("items[0].type", equalTo("REVERSAL")).body("items[0].points", equalTo(-500));
    }

    @Test
    void twoFirstOrdersAtTheSameTimeRewardOnce() throws Exception {
        String referrer = Api.enrol();
        String friend = enrolWith(codeFor(referrer, "partner", "partner-acme"));
        List<Response> responses = Parallel.run(4, () -> merchant().header("Idempotency-Key", Api.key())
                .body(Map.of("memberId", friend, "orderId", unique("o"), "amount", 6_000, "currency", "EUR")).post("/v1/earn"));
        responses.forEach(r -> assertEquals(201, r.statusCode(), r.asString()));
        assertEquals(500, Api.available(referrer));
        assertEquals(250, Api.available(friend));
    }
}
