package io.lojal.offer;

import static io.lojal.support.Api.admin;
import static io.lojal.support.Api.merchant;
import static io.lojal.support.Api.unique;
import static io.lojal.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.lojal.support.MutableClock;
import io.lojal.support.Parallel;
import io.lojal.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OfferTest {

    private static final String CODE = "[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10,}";

    @Inject
    MutableClock clock;

    @BeforeEach
    void silverTier() {
        Fixtures.standardProgram();
        admin().delete("/v1/tiers/SILVER");
        admin().body(Map.of("code", "SILVER", "name", "Silver", "rank", 1, "threshold", 1_000, "earnMultiplier", 1))
                .post("/v1/tiers").then().statusCode(201);
    }

    @AfterEach
    void reset() {
        clock.reset();
        admin().delete("/v1/tiers/SILVER");
    }

    private Map<String, Object> offer(Map<String, Object> overrides) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> offer = new HashMap<>(Map.of("name", "15% off", "discount", Map.of("type", "PERCENT", "value", 15),
                "startsAt", now.minus(Duration.ofHours(1)).toString(), "endsAt", now.plus(Duration.ofDays(7)).toString()));
        offer.putAll(overrides);
        return offer;
    }

    private static String create(Map<String, Object> offer) {
        return admin().body(offer).post("/v1/offers").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse claim(String member, String offerId) {
        return merchant().header("Idempotency-Key", Api.key()).post("/v1/members/" + member + "/offers/" + offerId + "/claim").then();
    }

    private static String silverMember() {
        String member = Api.enrol();
        Api.earn(member, unique("o"), 100_000).statusCode(201).body("tier.code", equalTo("SILVER"));
        return member;
    }

    @Test
    void anAdminManagesOffersAndEveryoneWithTheRightRoleReadsThem() {
        var created = admin().body(offer(Map.of("description", "Spring", "totalLimit", 100))).post("/v1/offers").then().statusCode(201)
                .body("name", equalTo("15% off")).body("perMemberLimit", equalTo(1)).body("totalLimit", equalTo(100))
                .body("claimed", equalTo(0)).extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/v1/offers/" + id));
        merchant().get("/v1/offers/" + id).then().statusCode(200).body("description", equalTo("Spring"));
        merchant().get("/v1/offers").then().statusCode(200).body("items.id", hasItem(id));
        admin().body(offer(Map.of("name", "20% off", "discount", Map.of("type", "PERCENT", "value", 20)))).put("/v1/offers/" + id)
                .then().statusCode(200).body("name", equalTo("20% off"));
        admin().delete("/v1/offers/" + id).then().statusCode(204);
        assertProblem(merchant().get("/v1/offers/" + id).then(), 404, "not-found");
        assertProblem(merchant().body(offer(Map.of())).post("/v1/offers").then(), 403, "forbidden");
    }

    @Test
    void invalidOffersAreRefused() {
        Instant now = clock.instant();
        assertProblem(admin().body(offer(Map.of("discount", Map.of("type", "PERCENT", "value", 101)))).post("/v1/offers").then(),
                400, "validation-failed").body("errors[0].field", equalTo("discount.value"));
        assertProblem(admin().body(offer(Map.of("endsAt", now.minus(Duration.ofDays(1)).toString()))).post("/v1/offers").then(),
                400, "validation-failed").body("errors[0].field", equalTo("endsAt"));
        assertProblem(admin().body(offer(Map.of("eligibility", Map.of("tiers", List.of("DIAMOND"))))).post("/v1/offers").then(),
                400, "validation-failed").body("errors[0].field", equalTo("eligibility.tiers"));
        assertProblem(admin().body(offer(Map.of("earlyAccess", Map.of("tiers", List.of("SILVER"), "startsAt", now.plus(Duration.ofDays(1)).toString()))))
                .post("/v1/offers").then(), 400, "validation-failed").body("errors[0].field", equalTo("earlyAccess.startsAt"));
        assertProblem(admin().body(offer(Map.of("discount", Map.of("type", "GIFT", "value", 1)))).post("/v1/offers").then(), 400, "validation-failed");
    }

    @Test
    void aTierOnlyOfferIsForThatTierAndAMemberListOfferForThoseMembers() {
        String silver = silverMember();
        String plain = Api.enrol();
        String named = Api.enrol();
        String tierOffer = create(offer(Map.of("eligibility", Map.of("tiers", List.of("SILVER")))));
        String personal = create(offer(Map.of("eligibility", Map.of("memberIds", List.of(named)))));

        merchant().get("/v1/members/" + silver + "/offers").then().statusCode(200)
                .body("items.id", hasItem(tierOffer)).body("items.id", not(hasItem(personal)));
        merchant().get("/v1/members/" + plain + "/offers").then().body("items.id", not(hasItem(tierOffer)));
        assertProblem(claim(plain, tierOffer), 422, "offer-not-eligible");
        assertProblem(claim(plain, personal), 422, "offer-not-eligible");
        claim(named, personal).statusCode(201);
        claim(silver, tierOffer).statusCode(201)
                .body("code", matchesPattern(CODE)).body("offerId", equalTo(tierOffer)).body("memberId", equalTo(silver))
                .body("discount.type", equalTo("PERCENT")).body("discount.value", equalTo(15));
    }

    @Test
    void earlyAccessOpensToItsTiersFromItsStartToTheMicrosecond() {
        Instant start = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant early = start.minus(Duration.ofHours(12));
        String id = create(offer(Map.of("startsAt", start.toString(), "endsAt", start.plus(Duration.ofDays(3)).toString(),
                "earlyAccess", Map.of("tiers", List.of("SILVER"), "startsAt", early.toString()))));
        String silver = silverMember();
        String plain = Api.enrol();

        clock.fixAt(early.minus(1, ChronoUnit.MICROS));
        assertProblem(claim(silver, id), 422, "offer-not-eligible");
        clock.fixAt(early);
        merchant().get("/v1/members/" + silver + "/offers").then().body("items.id", hasItem(id));
        merchant().get("/v1/members/" + plain + "/offers").then().body("items.id", not(hasItem(id)));
        assertProblem(claim(plain, id), 422, "offer-not-eligible");
        claim(silver, id).statusCode(201);
        clock.fixAt(start);
        claim(plain, id).statusCode(201);
        clock.fixAt(start.plus(Duration.ofDays(3)));
        assertProblem(claim(Api.enrol(), id), 422, "offer-not-eligible");
    }

    @Test
    void theMemberLimitHoldsAndParallelClaimsNeverExceedIt() throws Exception {
        String member = Api.enrol();
        String once = create(offer(Map.of()));
        claim(member, once).statusCode(201);
        assertProblem(claim(member, once), 422, "offer-limit-reached");
        merchant().get("/v1/members/" + member + "/offers").then().body("items.id", not(hasItem(once)));

        String twice = create(offer(Map.of("perMemberLimit", 2)));
        List<Response> responses = Parallel.run(10, () -> merchant().header("Idempotency-Key", Api.key())
                .post("/v1/members/" + member + "/offers/" + twice + "/claim"));
        assertEquals(2, responses.stream().filter(r -> r.statusCode() == 201).count());
        assertEquals(8, responses.stream().filter(r -> "https://lojal.dev/problems/offer-limit-reached".equals(r.jsonPath().getString("type"))).count());
    }

    @Test
    void theTotalLimitHoldsUnderParallelClaims() throws Exception {
        String id = create(offer(Map.of("totalLimit", 5)));
        List<String> members = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            members.add(Api.enrol());
        }
        AtomicInteger next = new AtomicInteger();
        List<Response> responses = Parallel.run(20, () -> merchant().header("Idempotency-Key", Api.key())
                .post("/v1/members/" + members.get(next.getAndIncrement()) + "/offers/" + id + "/claim"));
        assertEquals(5, responses.stream().filter(r -> r.statusCode() == 201).count());
        assertEquals(15, responses.stream().filter(r -> "https://lojal.dev/problems/offer-limit-reached".equals(r.jsonPath().getString("type"))).count());
        merchant().get("/v1/offers/" + id).then().body("claimed", equalTo(5));
        Set<String> codes = new HashSet<>();
        responses.stream().filter(r -> r.statusCode() == 201).forEach(r -> codes.add(r.jsonPath().getString("code")));
        assertEquals(5, codes.size());
    }

    @Test
    void aCodeIsCheckedAndUsedOnceByItsOwnerBeforeItExpires() {
        String owner = Api.enrol();
        String other = Api.enrol();
        String id = create(offer(Map.of("discount", Map.of("type", "PERCENT", "value", 15))));
        String code = claim(owner, id).statusCode(201).extract().path("code");

        merchant().body(Map.of("memberId", owner, "orderAmount", 12_345)).post("/v1/discount-codes/" + code + "/validate").then()
                .statusCode(200).body("valid", equalTo(true)).body("discountAmount", equalTo(1_851)).body("reason", nullValue());
        merchant().body(Map.of("memberId", other, "orderAmount", 12_345)).post("/v1/discount-codes/" + code + "/validate").then()
                .statusCode(200).body("valid", equalTo(false)).body("discountAmount", equalTo(0)).body("reason", equalTo("code-not-owned"));
        assertProblem(merchant().body(Map.of("memberId", other, "orderId", "x", "orderAmount", 100))
                .post("/v1/discount-codes/" + code + "/redeem").then(), 422, "code-not-owned");

        merchant().body(Map.of("memberId", owner, "orderId", "basket-7", "orderAmount", 12_345))
                .post("/v1/discount-codes/" + code + "/redeem").then().statusCode(200).body("discountAmount", equalTo(1_851));
        // A retry for the same order answers the same; another order is refused.
        merchant().body(Map.of("memberId", owner, "orderId", "basket-7", "orderAmount", 12_345))
                .post("/v1/discount-codes/" + code + "/redeem").then().statusCode(200).body("discountAmount", equalTo(1_851));
        assertProblem(merchant().body(Map.of("memberId", owner, "orderId", "basket-8", "orderAmount", 100))
                .post("/v1/discount-codes/" + code + "/redeem").then(), 422, "code-already-used");
        merchant().body(Map.of("memberId", owner, "orderAmount", 100)).post("/v1/discount-codes/" + code + "/validate").then()
                .body("reason", equalTo("code-already-used"));
        assertProblem(merchant().body(Map.of("memberId", owner, "orderAmount", 100)).post("/v1/discount-codes/NOSUCHCODE22/validate").then(),
                404, "not-found");
    }

    @Test
    void amountDiscountsNeverExceedTheOrderAndCodesExpireWithTheOffer() {
        String owner = Api.enrol();
        Instant end = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        String id = create(offer(Map.of("discount", Map.of("type", "AMOUNT", "value", 2_500), "endsAt", end.toString())));
        String code = claim(owner, id).statusCode(201).body("expiresAt", equalTo(end.toString())).extract().path("code");
        merchant().body(Map.of("memberId", owner, "orderAmount", 1_000)).post("/v1/discount-codes/" + code + "/validate").then()
                .body("discountAmount", equalTo(1_000));
        merchant().body(Map.of("memberId", owner, "orderAmount", 9_000)).post("/v1/discount-codes/" + code + "/validate").then()
                .body("discountAmount", equalTo(2_500));
        clock.fixAt(end);
        assertProblem(merchant().body(Map.of("memberId", owner, "orderId", "late", "orderAmount", 9_000))
                .post("/v1/discount-codes/" + code + "/redeem").then(), 422, "code-expired");
    }

    @Test
    void twoParallelRedeemsOfOneCodeHaveExactlyOneWinner() throws Exception {
        String owner = Api.enrol();
        String code = claim(owner, create(offer(Map.of()))).statusCode(201).extract().path("code");
        AtomicInteger order = new AtomicInteger();
        List<Response> responses = Parallel.run(2, () -> merchant()
                .body(Map.of("memberId", owner, "orderId", "basket-" + order.incrementAndGet(), "orderAmount", 10_000))
                .post("/v1/discount-codes/" + code + "/redeem"));
        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 200).count());
        assertEquals(1, responses.stream().filter(r -> "https://lojal.dev/problems/code-already-used".equals(r.jsonPath().getString("type"))).count());
    }

    @Test
    void aMemberSeesAndClaimsItsOffersInTheApp() {
        String externalId = unique("app");
        Api.enrol(externalId);
        String id = create(offer(Map.of()));
        Api.as(Tokens.member(externalId)).get("/v1/me/offers").then().statusCode(200).body("items.id", hasItem(id));
        Api.as(Tokens.member(externalId)).header("Idempotency-Key", Api.key()).post("/v1/me/offers/" + id + "/claim").then()
                .statusCode(201).body("code", matchesPattern(CODE));
        assertProblem(Api.as(Tokens.member(externalId)).post("/v1/me/offers/" + id + "/claim").then(), 400, "idempotency-key-missing");
    }
}
