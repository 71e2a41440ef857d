package io.lojal.tier;

import static io.lojal.support.Api.admin;
import static io.lojal.support.Api.merchant;
import static io.lojal.support.Api.unique;
import static io.lojal.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.lojal.support.Ledgers;
import io.lojal.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ladder MEMBER (0) → SILVER (1,000 qualifying points, ×1.25) → GOLD (5,000, ×1.5), with 1 point per 1.00. */
@QuarkusTest
class TierTest {

    @Inject
    DataSource db;

    @BeforeEach
    void ladder() {
        Fixtures.standardProgram();
        removeTiersAboveEntry();
        admin().body(Map.of("code", "SILVER", "name", "Silver", "rank", 1, "threshold", 1_000, "earnMultiplier", 1.25,
                "benefits", List.of("Free shipping"))).post("/v1/tiers").then().statusCode(201);
        admin().body(Map.of("code", "GOLD", "name", "Gold", "rank", 2, "threshold", 5_000, "earnMultiplier", 1.5))
                .post("/v1/tiers").then().statusCode(201);
    }

    @AfterEach
    void entryOnly() {
        removeTiersAboveEntry();
    }

    private static void removeTiersAboveEntry() {
        List<String> codes = admin().get("/v1/tiers").then().statusCode(200).extract().path("items.findAll { it.rank > 0 }.code");
        for (String code : codes) {
            admin().delete("/v1/tiers/" + code).then().statusCode(204);
        }
    }

    private static Map<String, Object> tierOf(String member) {
        return merchant().get("/v1/members/" + member + "/tier").then().statusCode(200).extract().path("");
    }

    @Test
    void oneEarnCanCrossTwoThresholdsAndStillUsesTheOldMultiplier() {
        String member = Api.enrol();
        Api.earn(member, unique("o"), 600_000).statusCode(201)
                .body("points", equalTo(6_000))
                .body("breakdown.kind", equalTo(List.of("SPEND")))
                .body("tier.code", equalTo("GOLD"))
                .body("tier.changed", equalTo(true));
        merchant().get("/v1/members/" + member).then().body("tier.code", equalTo("GOLD")).body("tier.name", equalTo("Gold"));
        merchant().get("/v1/members/" + member + "/tier").then().statusCode(200)
                .body("current.code", equalTo("GOLD"))
                .body("qualifyingPoints", equalTo(6_000))
                .body("validUntil", notNullValue())
                .body("next", nullValue())
                .body("history", hasSize(1))
                .body("history[0].from", equalTo("MEMBER"))
                .body("history[0].to", equalTo("GOLD"))
                .body("history[0].reason", equalTo("UPGRADE"));
        Instant validUntil = Instant.parse((String) tierOf(member).get("validUntil"));
        Instant upgradedAt = Instant.parse(merchant().get("/v1/members/" + member + "/tier").then().extract().path("history[0].at"));
        assertEquals(upgradedAt.atOffset(ZoneOffset.UTC).plusMonths(12).toInstant(), validUntil);
    }

    @Test
    void severalEarnsCrossOneThresholdAndLaterEarnsGetTheTierMultiplier() {
        String member = Api.enrol();
        for (int i = 0; i < 3; i++) {
            Api.earn(member, unique("o"), 30_000).statusCode(201).body("tier.code", equalTo("MEMBER")).body("tier.changed", equalTo(false));
        }
        Api.earn(member, unique("o"), 30_000).statusCode(201).body("points", equalTo(300))
                .body("tier.code", equalTo("SILVER")).body("tier.changed", equalTo(true));
        // floor(101 × 1.25) = 126: SPEND 101 and TIER 25
        Api.earn(member, unique("o"), 10_100).statusCode(201).body("points", equalTo(126))
                .body("breakdown.kind", equalTo(List.of("SPEND", "TIER")))
                .body("breakdown[1].name", equalTo("Silver"))
                .body("breakdown[1].points", equalTo(25))
                .body("tier.changed", equalTo(false));
        merchant().get("/v1/members/" + member + "/tier").then()
                .body("qualifyingPoints", equalTo(1_326))
                .body("next.code", equalTo("GOLD")).body("next.threshold", equalTo(5_000)).body("next.pointsToGo", equalTo(3_674));
    }

    @Test
    void parallelEarnsCrossingAThresholdMoveTheMemberOnce() throws Exception {
        String member = Api.enrol();
        List<io.restassured.response.Response> responses = io.lojal.support.Parallel.run(10, () -> merchant()
                .header("Idempotency-Key", Api.key())
                .body(Map.of("memberId", member, "orderId", unique("o"), "amount", 30_000, "currency", "EUR")).post("/v1/earn"));
        assertEquals(1, responses.stream().filter(r -> r.jsonPath().getBoolean("tier.changed")).count());
        merchant().get("/v1/members/" + member + "/tier").then()
                .body("current.code", equalTo("SILVER")).body("history", hasSize(1));
    }

    /**
     * Two earns read the member at 600 lifetime points, each sure it stays below SILVER's 1,000 with its 300, and so
     * send their COMMIT with their writes; the member's balance row, held here, makes them wait for each other there.
     * The second must not commit as if the member stayed: PostgreSQL stops it, and it is done again with the tier move.
     */
    @Test
    void anEarnThatCommitsWithItsWritesIsStoppedWhenARacingEarnTookTheMemberToTheNextTier() throws Exception {
        String member = Api.enrol();
        Api.earn(member, unique("o"), 30_000).statusCode(201);
        Api.earn(member, unique("o"), 30_000).statusCode(201);
        List<io.restassured.response.Response> responses;
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT 1 FROM member_balance WHERE member_id = ? FOR UPDATE")) {
                lock.setString(1, member);
                lock.executeQuery().close();
            }
            ExecutorService clients = Executors.newFixedThreadPool(2);
            try {
                List<Future<io.restassured.response.Response>> earns = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    earns.add(clients.submit(() -> merchant().header("Idempotency-Key", Api.key())
                            .body(Map.of("memberId", member, "orderId", unique("o"), "amount", 30_000,
                                    "currency", "EUR"))
                            .post("/v1/earn")));
                }
                awaitWaitingForLocks(2);
                holder.commit();
                responses = new ArrayList<>();
                for (Future<io.restassured.response.Response> earn : earns) {
                    responses.add(earn.get(60, TimeUnit.SECONDS));
                }
            } finally {
                clients.shutdownNow();
            }
        }
        responses.forEach(r -> assertEquals(201, r.statusCode(), r.asString()));
        assertEquals(List.of(false, true),
                responses.stream().map(r -> r.jsonPath().getBoolean("tier.changed")).sorted().toList());
        assertEquals(List.of(900, 1_200),
                responses.stream().map(r -> r.jsonPath().getInt("balance.available")).sorted().toList());
        merchant().get("/v1/members/" + member + "/tier").then()
                .body("current.code", equalTo("SILVER")).body("qualifyingPoints", equalTo(1_200))
                .body("history", hasSize(1));
        assertEquals(1_200, Ledgers.sum(db, member));
    }

    /** Waits until {@code n} other sessions wait for a lock (here: the member's balance row). */
    private void awaitWaitingForLocks(int n) throws Exception {
        for (int i = 0; i < 200; i++) {
            long waiting;
            try (Connection connection = db.getConnection(); PreparedStatement count = connection.prepareStatement("""
                    SELECT count(*) FROM pg_stat_activity
                     WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()""")) {
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    waiting = rows.getLong(1);
                }
            }
            if (waiting >= n) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the earns never waited for the member's balance row");
    }

    @Test
    void bonusesDoNotQualifyAndRefundsLowerQualifyingPoints() {
        Fixtures.onlyRules(List.of(Map.of("name", "Base", "type", "SPEND", "points", 1, "per", 100),
                Map.of("name", "Thanks", "type", "BONUS", "points", 900, "trigger", "ORDER")));
        String member = Api.enrol();
        String orderId = unique("o");
        Api.earn(member, orderId, 150_000).statusCode(201).body("points", equalTo(2_400)).body("tier.code", equalTo("SILVER"));
        merchant().header("Idempotency-Key", Api.key()).body(Map.of("orderId", orderId, "amount", 100_000)).post("/v1/refunds")
                .then().statusCode(201);
        // 1,500 EARN points less floor(1,500 × 100,000 / 150,000) refunded; the refund alone never moves a member down.
        merchant().get("/v1/members/" + member + "/tier").then()
                .body("current.code", equalTo("SILVER")).body("qualifyingPoints", equalTo(500));
    }

    @Test
    void theEvaluationMovesMembersDownOnlyAfterValidUntil() {
        String member = Api.enrol();
        String orderId = unique("o");
        Api.earn(member, orderId, 200_000).statusCode(201).body("tier.code", equalTo("SILVER"));
        merchant().header("Idempotency-Key", Api.key()).body(Map.of("orderId", orderId, "amount", 200_000)).post("/v1/refunds")
                .then().statusCode(201);
        Instant validUntil = Instant.parse((String) tierOf(member).get("validUntil"));

        admin().queryParam("asOf", validUntil.minusSeconds(1).toString()).post("/v1/admin/jobs/evaluate-tiers").then().statusCode(200)
                .body("job", equalTo("evaluate-tiers"));
        assertEquals("SILVER", ((Map<?, ?>) tierOf(member).get("current")).get("code"));

        admin().queryParam("asOf", validUntil.toString()).post("/v1/admin/jobs/evaluate-tiers").then().statusCode(200);
        merchant().get("/v1/members/" + member).then().body("tier.code", equalTo("MEMBER"));
        merchant().get("/v1/members/" + member + "/tier").then()
                .body("history", hasSize(2)).body("history[0].reason", equalTo("DOWNGRADE")).body("history[0].to", equalTo("MEMBER"))
                .body("validUntil", nullValue());

        admin().queryParam("asOf", validUntil.toString()).post("/v1/admin/jobs/evaluate-tiers").then().statusCode(200);
        merchant().get("/v1/members/" + member + "/tier").then().body("history", hasSize(2));
    }

    @Test
    void theEvaluationKeepsMembersWhoStillQualify() {
        String member = Api.enrol();
        Api.earn(member, unique("o"), 600_000).statusCode(201).body("tier.code", equalTo("GOLD"));
        Instant validUntil = Instant.parse((String) tierOf(member).get("validUntil"));
        // Eleven months on the order still counts: GOLD stays, whatever validUntil says.
        admin().queryParam("asOf", validUntil.atOffset(ZoneOffset.UTC).minusMonths(1).toInstant().toString())
                .post("/v1/admin/jobs/evaluate-tiers").then().statusCode(200);
        assertEquals("GOLD", ((Map<?, ?>) tierOf(member).get("current")).get("code"));
    }

    @Test
    void deletingATierMovesItsMembersAtOnce() {
        String member = Api.enrol();
        Api.earn(member, unique("o"), 150_000).statusCode(201).body("tier.code", equalTo("SILVER"));
        admin().delete("/v1/tiers/SILVER").then().statusCode(204);
        merchant().get("/v1/members/" + member).then().body("tier.code", equalTo("MEMBER"));
        merchant().get("/v1/members/" + member + "/tier").then().body("history[0].reason", equalTo("TIER_DELETED"));
        assertProblem(merchant().get("/v1/tiers/SILVER").then(), 404, "not-found");
    }

    @Test
    void theLadderStaysValid() {
        merchant().get("/v1/tiers").then().statusCode(200).body("items.code", equalTo(List.of("MEMBER", "SILVER", "GOLD")));
        merchant().get("/v1/tiers/SILVER").then().statusCode(200).body("earnMultiplier", equalTo(1.25f))
                .body("benefits", equalTo(List.of("Free shipping")));
        assertProblem(admin().body(Map.of("code", "GOLD", "name", "x", "rank", 3, "threshold", 9_000, "earnMultiplier", 2))
                .post("/v1/tiers").then(), 400, "validation-failed").body("errors[0].field", equalTo("code"));
        assertProblem(admin().body(Map.of("code", "PLATINUM", "name", "x", "rank", 2, "threshold", 9_000, "earnMultiplier", 2))
                .post("/v1/tiers").then(), 400, "validation-failed").body("errors[0].field", equalTo("rank"));
        assertProblem(admin().body(Map.of("code", "PLATINUM", "name", "x", "rank", 3, "threshold", 4_000, "earnMultiplier", 2))
                .post("/v1/tiers").then(), 400, "validation-failed").body("errors[0].field", equalTo("threshold"));
        assertProblem(admin().body(Map.of("code", "lower", "name", "x", "rank", 3, "threshold", 9_000, "earnMultiplier", 2))
                .post("/v1/tiers").then(), 400, "validation-failed").body("errors[0].field", equalTo("code"));
        assertProblem(admin().delete("/v1/tiers/MEMBER").then(), 409, "entry-tier-required");
        assertProblem(admin().body(Map.of("name", "Member", "rank", 5, "threshold", 0, "earnMultiplier", 1)).put("/v1/tiers/MEMBER").then(),
                409, "entry-tier-required");
        admin().body(Map.of("name", "Silver+", "rank", 1, "threshold", 2_000, "earnMultiplier", 1.3)).put("/v1/tiers/SILVER").then()
                .statusCode(200).body("threshold", equalTo(2_000));
        assertProblem(admin().delete("/v1/tiers/NOPE").then(), 404, "not-found");
        assertProblem(merchant().body(Map.of("code", "X", "name", "x", "rank", 3, "threshold", 9_000, "earnMultiplier", 2))
                .post("/v1/tiers").then(), 403, "forbidden");
    }

    @Test
    void aMemberSeesItsOwnTier() {
        String externalId = unique("app");
        String member = Api.enrol(externalId);
        Api.earn(member, unique("o"), 120_000).statusCode(201);
        Api.as(Tokens.member(externalId)).get("/v1/me/tier").then().statusCode(200)
                .body("current.code", equalTo("SILVER")).body("qualifyingPoints", equalTo(1_200))
                .body("next.pointsToGo", equalTo(3_800));
    }
}
