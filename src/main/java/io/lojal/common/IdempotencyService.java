package io.lojal.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lojal.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies a POST at most once per (caller, Idempotency-Key), in the same transaction as the work itself,
 * so a stored response exists exactly when the work committed.
 * A transaction-scoped advisory lock on the key tells a retry that arrives while the first attempt runs
 * (409 idempotency-in-progress); once the first commits, its row is visible and is replayed.
 */
@ApplicationScoped
public class IdempotencyService {

    public static final String HEADER = "Idempotency-Key";

    @Inject
    EntityManager em;

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    TransactionManager transactions;

    @ConfigProperty(name = "lojal.idempotency.retention", defaultValue = "PT24H")
    Duration retention;

    public Reply once(String key, String operation, Object request, Supplier<Reply> work) {
        return once(key, operation, request, trip -> () -> null, nothing -> work.get());
    }

    /**
     * As {@link #once(String, String, Object, Supplier)}, with the work's first statements in the same round trip as
     * the check: {@code read} adds them to the trip and gives what they read to the work, which asks for it when it
     * needs it (so its own checks still come first). They may write: a replay rolls back, as does any call that fails.
     * Its transaction is its own (a caller's is suspended), since it commits with its last statement.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> Reply once(String key, String operation, Object request, Function<Sql.Trip, Supplier<T>> read,
                          Function<Supplier<T>, ? extends Answer> work) {
        checkKey(key);
        String scope = caller.subject();
        String requestHash = fingerprint(operation, request);
        Instant now = clock.instant();
        // One round trip: the lookup runs after the lock is taken, so it sees the answer of any call that held it.
        Sql.Trip trip = sql.trip();
        Sql.Trip.Rows<Boolean> lock = trip.query("SELECT pg_try_advisory_xact_lock(hashtext(?1), hashtext(?2))",
                row -> row.getBoolean(1), scope, key);
        Sql.Trip.Rows<Stored> earlier = trip.query("""
                SELECT request_hash, status, body, location FROM idempotency_key
                 WHERE caller = ?1 AND key = ?2 AND created_at > ?3""",
                row -> new Stored(row.getString(1), new Reply(row.getInt(2), row.getString(3), row.getString(4), true)),
                scope, key, now.minus(retention));
        Supplier<T> readAhead = read.apply(trip);
        trip.run();
        if (!lock.one()) {
            throw new Problems.IdempotencyInProgress();
        }
        List<Stored> stored = earlier.list();
        if (!stored.isEmpty()) {
            if (!requestHash.equals(stored.get(0).requestHash())) {
                throw new Problems.IdempotencyKeyReuse();
            }
            rollBack();
            return stored.get(0).reply();
        }
        Answer given = work.apply(readAhead);
        Unfinished answer = given instanceof Unfinished unfinished ? unfinished
                : new Unfinished((Reply) given, null, sql.trip(), null);
        Reply reply = answer.reply();
        // The answer is written as JSON once: stored, and sent as it is stored (a replay sends the same text).
        String body = writeJson(reply.body());
        String store = STORE;
        List<Object> parameters = new ArrayList<>(Arrays.asList(scope, key, requestHash, reply.status(), body,
                reply.location(), now));
        if (answer.fill() != null) {
            String placeholder = writeJson(answer.placeholder());
            int at = body.indexOf(placeholder);
            if (at < 0 || at != body.lastIndexOf(placeholder)) {
                throw new IllegalStateException("The placeholder is not once in the answer: " + placeholder);
            }
            store = STORE_FILLED.computeIfAbsent(answer.fill().sql(),
                    fill -> STORE_AS.formatted("replace(?5, ?8, (" + Sql.shifted(fill, 8) + "))"));
            parameters.add(placeholder);
            parameters.addAll(Arrays.asList(answer.fill().parameters()));
        }
        // A row older than the retention is replaced: the key is free again. The answer commits in the same round trip.
        Sql.Trip.Rows<String> storedBody = answer.trip().query(store, row -> row.getString(1), parameters.toArray());
        answer.trip().commit();
        return new Reply(reply.status(), storedBody.one(), reply.location(), false);
    }

    private static final String STORE_AS = """
            INSERT INTO idempotency_key (caller, key, request_hash, status, body, location, created_at)
            VALUES (?1, ?2, ?3, ?4, %s, ?6, ?7)
            ON CONFLICT (caller, key) DO UPDATE
               SET request_hash = excluded.request_hash, status = excluded.status, body = excluded.body,
                   location = excluded.location, created_at = excluded.created_at
            RETURNING body""";

    private static final String STORE = STORE_AS.formatted("?5");

    /** The store statement of each fill, made once: the same text on every call. */
    private static final Map<String, String> STORE_FILLED = new ConcurrentHashMap<>();

    /**
     * An answer PostgreSQL finishes, so that the work's last statements, the stored answer and the COMMIT make one
     * round trip: the work has put those statements into {@code trip} without running it, and the JSON of
     * {@code placeholder} in the reply's body is replaced by what {@code fill} reads after them: a query of one row
     * and one text column. A fill that fails fails the call, and nothing of it commits.
     */
    public record Unfinished(Reply reply, Object placeholder, Sql.Trip trip, Sql.Query fill) implements Answer {
    }

    private record Stored(String requestHash, Reply reply) {
    }

    /** The transaction ends in a rollback, without an exception: the caller gets the stored answer. */
    private void rollBack() {
        try {
            transactions.setRollbackOnly();
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes stored responses past their retention; called by a scheduled job. */
    @Transactional
    public int purgeExpired() {
        return em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at <= ?1")
                .setParameter(1, clock.instant().minus(retention))
                .executeUpdate();
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new Problems.IdempotencyKeyMissing();
        }
        if (key.length() > 255) {
            throw new Problems.ValidationFailed(HEADER, "must be 1 to 255 characters");
        }
    }

    private String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(writeJson(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String writeJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
