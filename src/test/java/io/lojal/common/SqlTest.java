package io.lojal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lojal.support.CountedSockets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Round trips of several statements, and writes that go with the next statement or at commit. */
@QuarkusTest
class SqlTest {

    @Inject
    Sql sql;

    private String key;

    @BeforeEach
    void table() {
        sql.update("CREATE TABLE IF NOT EXISTS sql_test (key text PRIMARY KEY, value integer NOT NULL)");
        key = UUID.randomUUID().toString();
    }

    @Test
    void aTripRunsItsStatementsInOrderAndEachSeesTheOnesBeforeIt() {
        List<Integer> values = QuarkusTransaction.requiringNew().call(() -> {
            Sql.Trip trip = sql.trip();
            Sql.Trip.Count inserted = trip.update("INSERT INTO sql_test VALUES (?1, 1), (?1 || '-2', 2)", key);
            Sql.Trip.Rows<Integer> before = trip.query("SELECT value FROM sql_test WHERE key LIKE ?1 || '%' ORDER BY value",
                    row -> row.getInt(1), key);
            Sql.Trip.Count updated = trip.update("UPDATE sql_test SET value = value * 10 WHERE key LIKE ?1 || '%'", key);
            Sql.Trip.Rows<Integer> after = trip.query("SELECT sum(value)::int FROM sql_test WHERE key LIKE ?1 || '%'",
                    row -> row.getInt(1), key);
            trip.run();
            assertEquals(2, inserted.rows());
            assertEquals(2, updated.rows());
            List<Integer> seen = new ArrayList<>(before.list());
            seen.add(after.one());
            return seen;
        });
        assertEquals(List.of(1, 2, 30), values);
    }

    @Test
    void aLaterWriteGoesAheadOfTheNextStatement() {
        int seen = QuarkusTransaction.requiringNew().call(() -> {
            sql.later("INSERT INTO sql_test VALUES (?1, 7)", key);
            return sql.one("SELECT count(*)::int FROM sql_test WHERE key = ?1", row -> row.getInt(1), key);
        });
        assertEquals(1, seen);
    }

    @Test
    void aLaterWriteWithNothingAfterItIsSentAtCommit() {
        QuarkusTransaction.requiringNew().run(() -> sql.later("INSERT INTO sql_test VALUES (?1, 8)", key));
        assertEquals(8, valueOf(key));
    }

    @Test
    void aFailingLaterWriteFailsTheNextStatementAndRollsBackTheTransaction() {
        sql.update("INSERT INTO sql_test VALUES (?1, 1)", key);
        String other = key + "-other";
        Sql.DatabaseException failure = assertThrows(Sql.DatabaseException.class, () ->
                QuarkusTransaction.requiringNew().run(() -> {
                    sql.update("INSERT INTO sql_test VALUES (?1, 2)", other);
                    sql.later("INSERT INTO sql_test VALUES (?1, 3)", key);
                    sql.one("SELECT 1", row -> row.getInt(1));
                }));
        assertTrue(failure.broke("sql_test_pkey"), failure.getMessage());
        assertEquals("23505", failure.sqlState());
        assertEquals(1, valueOf(key));
        assertEquals(0, rowsOf(other));
    }

    @Test
    void aCommitTripCommitsWithItsStatementsBeforeTheTransactionManagerDoes() {
        int seenOutside = QuarkusTransaction.requiringNew().call(() -> {
            sql.later("INSERT INTO sql_test VALUES (?1 || '-later', 4)", key);
            Sql.Trip last = sql.trip();
            last.update("INSERT INTO sql_test VALUES (?1, 5)", key);
            last.commit();
            // Another connection, outside this transaction, sees both rows while the transaction is still open.
            return QuarkusTransaction.suspendingExisting().call(() ->
                    sql.one("SELECT count(*)::int FROM sql_test WHERE key LIKE ?1 || '%'", row -> row.getInt(1), key));
        });
        assertEquals(2, seenOutside);
    }

    @Test
    void aStatementAfterTheCommitTripIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () ->
                QuarkusTransaction.requiringNew().run(() -> {
                    Sql.Trip last = sql.trip();
                    last.update("INSERT INTO sql_test VALUES (?1, 6)", key);
                    last.commit();
                    sql.update("INSERT INTO sql_test VALUES (?1 || '-after', 6)", key);
                }));
        assertTrue(refused.getMessage().startsWith("The transaction has committed"), refused.getMessage());
        assertEquals(6, valueOf(key));
        assertEquals(0, rowsOf(key + "-after"));
    }

    @Test
    void aStatementThatFailsInTheCommitTripStopsTheCommit() {
        String other = key + "-other";
        Sql.DatabaseException failure = assertThrows(Sql.DatabaseException.class, () ->
                QuarkusTransaction.requiringNew().run(() -> {
                    sql.later("INSERT INTO sql_test VALUES (?1, 2)", other);
                    Sql.Trip last = sql.trip();
                    last.query("SELECT lojal_assert(?1 < 10, 'too many')", row -> row.getBoolean(1), 10);
                    last.commit();
                }));
        assertEquals(Sql.ASSERTION_FAILED, failure.sqlState());
        assertTrue(failure.getMessage().contains("too many"), failure.getMessage());
        assertFalse(failure.broke("sql_test_pkey"));
        assertEquals(0, rowsOf(other));
    }

    @Test
    void aShiftedStatementNumbersItsParametersAfterOthers() {
        assertEquals("SELECT ?9 + ?10, ?9", Sql.shifted("SELECT ?1 + ?2, ?1", 8));
        int sum = sql.one("SELECT ?1 + " + Sql.shifted("?1", 1), row -> row.getInt(1), 5, 7);
        assertEquals(12, sum);
    }

    @Test
    void aTripWithNullParametersAndTextRowsIsOneRoundTripEachTimeItRuns() {
        // pgjdbc prepares a statement on the server from its fifth run on: the runs before are one-off statements, and
        // those after can make it send statements in several round trips.
        for (int run = 1; run <= 8; run++) {
            String row = key + "-" + run;
            int sends = QuarkusTransaction.requiringNew().call(() -> {
                // pgjdbc sends a transaction's BEGIN on its own, then the first statement.
                sql.one("SELECT 1", r -> r.getInt(1));
                int before = CountedSockets.sends();
                Sql.Trip trip = sql.trip();
                trip.update("INSERT INTO sql_test VALUES (?1, COALESCE(?2, 1))", row, null);
                Sql.Trip.Rows<String> keys = trip.query("SELECT key FROM sql_test WHERE key = ?1 OR key = ?2",
                        r -> r.getString(1), row, null);
                Sql.Trip.Rows<String> named = trip.query("SELECT key || COALESCE(?2, '') FROM sql_test WHERE key = ?1",
                        r -> r.getString(1), row, null);
                trip.run();
                assertEquals(List.of(row), keys.list());
                assertEquals(List.of(row), named.list());
                return CountedSockets.sends() - before;
            });
            // The first run also asks PostgreSQL once for the types of the parameters that are null.
            assertEquals(run == 1 ? 2 : 1, sends, "round trips of run " + run);
        }
    }

    @Test
    void aLaterWriteNeedsATransaction() {
        assertThrows(IllegalStateException.class, () -> sql.later("INSERT INTO sql_test VALUES (?1, 9)", key));
    }

    private int rowsOf(String key) {
        return sql.one("SELECT count(*)::int FROM sql_test WHERE key = ?1", row -> row.getInt(1), key);
    }

    private int valueOf(String key) {
        return sql.one("SELECT value FROM sql_test WHERE key = ?1", row -> row.getInt(1), key);
    }
}
