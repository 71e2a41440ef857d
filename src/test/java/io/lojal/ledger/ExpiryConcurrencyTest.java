package io.lojal.ledger;

import static io.lojal.support.Api.admin;
import static io.lojal.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.lojal.support.Ledgers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The expiry and postings on the same member, each caught in the middle of its transaction while the other starts:
 * they take turns on the member's balance lock, so neither reads lots the other is changing. A debit does not lock
 * the lots it reads (Ledger.debit); this is what makes that safe.
 */
@QuarkusTest
class ExpiryConcurrencyTest {

    @Inject
    Ledger ledger;

    @Inject
    DataSource db;

    @Inject
    Clock clock;

    private String member;
    private Instant asOf;

    /** 1,000 points that expire in an hour, then 3,000 that last for months; the expiry runs a day ahead. */
    @BeforeEach
    void lots() {
        Fixtures.standardProgram();
        Map<String, Object> program = new HashMap<>(Fixtures.PROGRAM);
        program.put("expiryMonths", 12);
        Fixtures.program(program);
        member = Api.enrol();
        Instant now = clock.instant();
        Instant yearAgo = now.atOffset(ZoneOffset.UTC).minusMonths(12).toInstant();
        Api.earnAt(member, unique("o"), 100_000, yearAgo.plus(Duration.ofHours(1))).statusCode(201);
        Api.earnAt(member, unique("o"), 300_000, now.minus(Duration.ofDays(30))).statusCode(201);
        asOf = now.plus(Duration.ofDays(1));
    }

    @AfterEach
    void standardProgram() {
        Fixtures.standardProgram();
    }

    @Test
    void aDebitThatStartsWhileTheExpiryRunsWaitsAndThenTakesFromTheLotThatLasts() throws Exception {
        CompletableFuture<Integer> redeemed = QuarkusTransaction.requiringNew().call(() -> {
            ledger.expire(asOf);
            CompletableFuture<Integer> redeem = CompletableFuture.supplyAsync(
                    () -> Api.redeem(member, 100).extract().statusCode());
            awaitAWaitForALock();
            return redeem;
        });

        assertEquals(201, redeemed.get(30, TimeUnit.SECONDS));
        assertEquals(-1_000, entries("EXPIRE"));
        assertEquals(100, takenFromTheLotThatLasts());
        assertConsistent(2_900);
    }

    @Test
    void theExpiryThatStartsWhileADebitRunsWaitsAndThenExpiresWhatTheDebitLeft() throws Exception {
        CompletableFuture<Integer> expired = QuarkusTransaction.requiringNew().call(() -> {
            ledger.adjust(member, -100, "correction", null);
            CompletableFuture<Integer> expiry = CompletableFuture.supplyAsync(() -> admin()
                    .queryParam("asOf", asOf.toString()).post("/v1/admin/jobs/expire-points").then()
                    .extract().statusCode());
            awaitAWaitForALock();
            return expiry;
        });

        assertEquals(200, expired.get(30, TimeUnit.SECONDS));
        assertEquals(-900, entries("EXPIRE"));
        assertEquals(0, takenFromTheLotThatLasts());
        assertConsistent(3_000);
    }

    /** Until another transaction waits for a row lock: the call started on the other thread has reached it. */
    private void awaitAWaitForALock() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (Ledgers.count(db, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'") > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no transaction waited for a lock within 10 s");
    }

    private long entries(String type) {
        return Ledgers.count(db, "SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE member_id = ? AND type = ?",
                member, type);
    }

    private long takenFromTheLotThatLasts() {
        return Ledgers.count(db, """
                SELECT COALESCE(SUM(u.points), 0) FROM lot_use u JOIN lot l ON l.id = u.lot_id
                 WHERE u.member_id = ? AND l.expires_at > now() + interval '2 days'""", member);
    }

    /** The balance is {@code points}, the ledger adds up to what the lots hold, and no lot holds less than nothing. */
    private void assertConsistent(long points) {
        assertEquals(points, Ledgers.sum(db, member));
        assertEquals(points, Ledgers.heldInLots(db, member));
        assertEquals(0, Ledgers.count(db, "SELECT count(*) FROM lot WHERE member_id = ? AND remaining < 0", member));
    }
}
