package io.lojal.ledger;

import static io.lojal.support.Api.admin;
import static io.lojal.support.Api.merchant;
import static io.lojal.support.Api.unique;
import static io.lojal.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.lojal.support.Ledgers;
import io.lojal.support.MutableClock;
import io.lojal.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pending points, lots, FIFO redemption and expiry, through the API, with the service's clock moved. */
@QuarkusTest
class PendingAndExpiryTest {

    @Inject
    MutableClock clock;

    @Inject
    DataSource db;

    @BeforeEach
    void standardRules() {
        Fixtures.standardProgram();
    }

    @AfterEach
    void reset() {
        clock.reset();
        Fixtures.standardProgram();
    }

    private static void program(int pendingDays, Integer expiryMonths) {
        Map<String, Object> program = new HashMap<>(Fixtures.PROGRAM);
        program.put("pendingDays", pendingDays);
        program.put("expiryMonths", expiryMonths);
        Fixtures.program(program);
    }

    private static Instant monthsAgo(Instant now, int months) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    private static ValidatableResponse runExpiry(Instant asOf) {
        return admin().queryParam("asOf", asOf.toString()).post("/v1/admin/jobs/expire-points").then();
    }

    @Test
    void pointsStayPendingForPendingDaysThenBecomeAvailableWithNoJob() {
        program(14, null);
        String member = Api.enrol();
        Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Api.earnAt(member, unique("o"), 30_000, occurredAt).statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("availableAt", equalTo(occurredAt.plus(Duration.ofDays(14)).toString()))
                .body("balance.available", equalTo(0))
                .body("balance.pending", equalTo(300));
        assertProblem(Api.redeem(member, 100), 422, "insufficient-points");

        clock.advance(Duration.ofDays(14).plusSeconds(1));
        merchant().get("/v1/members/" + member).then().body("points.available", equalTo(300)).body("points.pending", equalTo(0));
        Api.redeem(member, 300).statusCode(201);
    }

    @Test
    void aRefundInsideThePendingWindowTakesThePendingPointsFirst() {
        program(14, null);
        String member = Api.enrol();
        Api.adjust(member, 500).statusCode(201);
        String orderId = unique("o");
        Api.earnAt(member, orderId, 100_000, clock.instant()).statusCode(201).body("balance.pending", equalTo(1_000));
        merchant().header("Idempotency-Key", Api.key()).body(Map.of("orderId", orderId, "amount", 50_000)).post("/v1/refunds")
                .then().statusCode(201).body("points", equalTo(500))
                .body("balance.available", equalTo(500)).body("balance.pending", equalTo(500));
    }

    @Test
    void expiredPointsStopCountingAtOnceAndTheJobWritesThemOffOnce() {
        program(0, 12);
        String member = Api.enrol();
        Instant now = clock.instant();
        Api.earnAt(member, unique("o"), 10_000, monthsAgo(now, 13)).statusCode(201);
        Api.earnAt(member, unique("o"), 20_000, monthsAgo(now, 1)).statusCode(201);
        // The 13-month-old lot expired a month ago: it does not count, though no job has run.
        merchant().get("/v1/members/" + member).then().body("points.available", equalTo(200));

        runExpiry(now).statusCode(200).body("job", equalTo("expire-points")).body("asOf", equalTo(now.toString()));
        merchant().get("/v1/members/" + member + "/transactions").then()
                .body("items[0].type", equalTo("EXPIRE")).body("items[0].points", equalTo(-100));
        long entries = Ledgers.count(db, "SELECT count(*) FROM ledger_entry WHERE member_id = ?", member);

        runExpiry(now).statusCode(200).body("processed", equalTo(0));
        assertEquals(entries, Ledgers.count(db, "SELECT count(*) FROM ledger_entry WHERE member_id = ?", member));
        assertEquals(Ledgers.sum(db, member), Ledgers.heldInLots(db, member));
        assertEquals(200, Ledgers.sum(db, member));
    }

    /** Two lots with 12-month expiry: 100 points earned 11 months ago, 200 two months ago. Returns the old lot's expiry. */
    private Instant twoLots(String member, Instant now) {
        program(0, 12);
        Instant oldAt = monthsAgo(now, 11);
        Api.earnAt(member, unique("o"), 10_000, oldAt).statusCode(201);
        Api.earnAt(member, unique("o"), 20_000, monthsAgo(now, 2)).statusCode(201);
        return oldAt.atOffset(ZoneOffset.UTC).plusMonths(12).toInstant();
    }

    @Test
    void redemptionsTakeTheOldestLotsFirstSoTheRestExpiresLater() {
        String member = Api.enrol();
        Instant now = clock.instant();
        Instant oldExpiry = twoLots(member, now);
        Api.redeem(member, 150).statusCode(201).body("balance.available", equalTo(150));

        // The old lot gave all its 100 points: when it expires nothing is left in it to expire.
        runExpiry(oldExpiry).statusCode(200).body("processed", equalTo(0));
        clock.advance(Duration.between(now, oldExpiry).plusSeconds(1));
        merchant().get("/v1/members/" + member).then().body("points.available", equalTo(150));
    }

    @Test
    void aCancelledRedemptionGivesPointsBackToTheirLotsWithTheirOwnExpiry() {
        String member = Api.enrol();
        Instant now = clock.instant();
        Instant oldExpiry = twoLots(member, now);
        String redemption = Api.redeem(member, 150).statusCode(201).extract().path("id");
        merchant().header("Idempotency-Key", Api.key()).post("/v1/redemptions/" + redemption + "/cancel").then()
                .statusCode(200).body("balance.available", equalTo(300));

        runExpiry(oldExpiry).statusCode(200).body("processed", equalTo(1));
        merchant().get("/v1/members/" + member + "/transactions").then()
                .body("items.find { it.type == 'EXPIRE' }.points", equalTo(-100));
        clock.advance(Duration.between(now, oldExpiry).plusSeconds(1));
        merchant().get("/v1/members/" + member).then().body("points.available", equalTo(200));
    }

    @Test
    void membersAreWarnedOfPointsExpiringWithin30Days() {
        program(0, 12);
        String externalId = unique("app");
        String member = Api.enrol(externalId);
        Instant now = clock.instant();
        Instant soonAt = monthsAgo(now, 12).plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(6));
        Api.earnAt(member, unique("o"), 12_300, soonAt).statusCode(201);
        // Same day of expiry, later that day: counted with the first. Five days later: within the window, not counted.
        Api.earnAt(member, unique("o"), 1_000, soonAt.plus(Duration.ofHours(12))).statusCode(201);
        Api.earnAt(member, unique("o"), 2_000, soonAt.plus(Duration.ofDays(5))).statusCode(201);
        Api.earnAt(member, unique("o"), 40_000, monthsAgo(now, 3)).statusCode(201);
        String day = soonAt.atOffset(ZoneOffset.UTC).plusMonths(12).toLocalDate().toString();
        merchant().get("/v1/members/" + member).then()
                .body("points.available", equalTo(553))
                .body("points.expiringSoon.points", equalTo(133))
                .body("points.expiringSoon.on", equalTo(day));
        Api.as(Tokens.member(externalId)).get("/v1/me").then().statusCode(200)
                .body("points.available", equalTo(553))
                .body("points.expiringSoon.points", equalTo(133))
                .body("points.expiringSoon.on", equalTo(day));

        String quiet = Api.enrol();
        Api.earnAt(quiet, unique("o"), 40_000, monthsAgo(now, 3)).statusCode(201);
        merchant().get("/v1/members/" + quiet).then().body("points.expiringSoon", nullValue());
    }

    @Test
    void theExpiryJobIsAnAdminCallWithAValidAsOf() {
        admin().post("/v1/admin/jobs/expire-points").then().statusCode(200).body("job", equalTo("expire-points"));
        assertProblem(admin().queryParam("asOf", "tomorrow").post("/v1/admin/jobs/expire-points").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("asOf"));
        assertProblem(admin().post("/v1/admin/jobs/make-coffee").then(), 404, "not-found");
        assertProblem(Api.as(Tokens.merchant()).post("/v1/admin/jobs/expire-points").then(), 403, "forbidden");
    }

    @Test
    void aDebtIsRepaidFromTheNextPointsThatBecomeAvailable() {
        program(0, null);
        String member = Api.enrol();
        String orderId = unique("o");
        Api.earn(member, orderId, 50_000).statusCode(201);
        Api.redeem(member, 500).statusCode(201);
        merchant().header("Idempotency-Key", Api.key()).body(Map.of("orderId", orderId, "amount", 50_000)).post("/v1/refunds")
                .then().statusCode(201).body("balance.available", equalTo(-500));
        Api.earn(member, unique("o"), 20_000).statusCode(201).body("balance.available", equalTo(-300));
        Api.earn(member, unique("o"), 40_000).statusCode(201).body("balance.available", equalTo(100));
        assertEquals(100, Ledgers.heldInLots(db, member));
        assertEquals(100, Ledgers.sum(db, member));
        List<Integer> types = merchant().get("/v1/members/" + member + "/transactions").then().extract().path("items.points");
        assertEquals(List.of(400, 200, -500, -500, 500), types);
    }
}
