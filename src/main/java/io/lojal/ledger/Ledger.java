package io.lojal.ledger;

import io.lojal.common.Ids;
import io.lojal.common.PageRequest;
import io.lojal.common.Problems;
import io.lojal.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The only code that moves points, in the caller's transaction. Every posting locks the member's balance row first,
 * so postings on one member apply one after the other, and so does the expiry; then it writes one ledger entry and
 * changes lots:
 * a credit adds a lot, a debit takes from the oldest available lots. Points owed beyond what the lots hold
 * (a refund of points already spent) are the member's debt, repaid from the next points that become available.
 * Invariant: the sum of a member's ledger entries = the remaining points of its lots − its debt.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {

    @Inject
    EntityManager em;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    @Inject
    Event<EntryPosted> posted;

    /** Opens the balance of a new member. */
    public void open(String memberId) {
        sql.update("INSERT INTO member_balance (member_id) VALUES (?1)", memberId);
    }

    /** Points credited as a lot: available from {@code availableAt}, gone at {@code expiresAt} (null: never). */
    public Posted credit(String memberId, EntryType type, long points, String orderId, String description,
                         Instant occurredAt, Instant availableAt, Instant expiresAt) {
        Sql.Trip trip = sql.trip();
        Credit credit = credit(trip, memberId, type, points, orderId, description, occurredAt, availableAt, expiresAt);
        trip.run();
        return credit.posted().get();
    }

    /** A credit sent as statements of a trip: its entry, and its posting once the trip ran. */
    public record Credit(LedgerEntry entry, Supplier<Posted> posted) {
    }

    /** As {@link #credit(String, EntryType, long, String, String, Instant, Instant, Instant)}, in the trip. */
    public Credit credit(Sql.Trip trip, String memberId, EntryType type, long points, String orderId,
                         String description, Instant occurredAt, Instant availableAt, Instant expiresAt) {
        LedgerEntry entry = entry(memberId, type, points, description, occurredAt);
        entry.orderId = orderId;
        entry.availableAt = availableAt;
        entry.expiresAt = expiresAt;
        boolean availableNow = !availableAt.isAfter(entry.createdAt);
        // Debt is repaid from points the member could spend now; pending points wait until the next credit after them.
        long repayable = availableNow ? points : 0;
        long earned = type == EntryType.ADJUST ? 0 : points;
        if (points <= 0) {
            lock(trip, memberId, earned, 0);
            return credited(entry, post(trip, entry));
        }
        // The lock, then the balance change, the entry, its lot and the balance after them in one statement. The
        // statement's snapshot is taken after the lock, so it sees every posting before this one; it does not see its
        // own changes, so the balance comes from the update's and the lot insert's RETURNING.
        trip.query("SELECT debt FROM member_balance WHERE member_id = ?1 FOR UPDATE", row -> row.getLong(1), memberId);
        Sql.Trip.Rows<Balance> balance = posting(trip, entry, "WITH " + INSERT_ENTRY + """
                , old_balance AS (SELECT debt FROM member_balance WHERE member_id = ?2),
                new_balance AS (
                    UPDATE member_balance SET debt = debt - LEAST(debt, ?12), lifetime_earned = lifetime_earned + ?13
                     WHERE member_id = ?2
                    RETURNING member_id, debt, lifetime_earned, lifetime_redeemed),
                new_lot AS (
                    INSERT INTO lot (id, member_id, entry_id, order_id, points, remaining, occurred_at, available_at, expires_at)
                    SELECT ?14, ?2, ?1, ?5, ?4, ?4 - LEAST(old_balance.debt, ?12), ?8, ?10, ?11 FROM old_balance
                    RETURNING remaining, available_at, expires_at),
                usable AS (
                    SELECT remaining, available_at, expires_at FROM lot WHERE member_id = ?2 AND remaining > 0
                    UNION ALL SELECT remaining, available_at, expires_at FROM new_lot)
                """ + BALANCE_AFTER_UPDATE, repayable, earned, Ids.next("lot"));
        return credited(entry, balance);
    }

    /** Announced now: the metrics count it only if the transaction commits, which the trip may end with. */
    private Credit credited(LedgerEntry entry, Sql.Trip.Rows<Balance> balance) {
        announce(entry);
        return new Credit(entry, () -> new Posted(entry, balance.one()));
    }

    /**
     * The member's balance after the postings before it in the transaction, as the JSON of its {@link BalanceView}:
     * a query for an answer that PostgreSQL finishes after them, with the entry's time as now. It fails, with SQLSTATE
     * {@link Sql#ASSERTION_FAILED}, unless the member's lifetime earned points are then below {@code ceiling}.
     */
    public Sql.Query viewAfter(LedgerEntry entry, long ceiling) {
        return new Sql.Query(VIEW_AFTER, parameters(entry, ceiling));
    }

    /**
     * Redeems points from the oldest available lots, all or nothing: fewer available points (after debt) is
     * {@code insufficient-points}, however many redemptions race.
     */
    public Posted redeem(String memberId, long points, String redemptionId, String orderId) {
        Sql.Trip trip = sql.trip();
        Supplier<Posted> redeemed = redeem(trip, memberId, points, redemptionId, orderId);
        trip.run();
        return redeemed.get();
    }

    /**
     * As {@link #redeem(String, long, String, String)}, as two statements of the trip: the lock, then the entry, the
     * debit of the lots and the balance after them. The supplier gives the posting once the trip ran, or throws
     * {@code insufficient-points}. For a member that does not exist the statements write nothing.
     */
    public Supplier<Posted> redeem(Sql.Trip trip, String memberId, long points, String redemptionId, String orderId) {
        LedgerEntry entry = entry(memberId, EntryType.REDEEM, -points, "Redemption " + redemptionId, null);
        entry.redemptionId = redemptionId;
        entry.orderId = orderId;
        lock(trip, memberId, 0, points);
        Sql.Trip.Rows<Debited> debited = debit(trip, entry, points, null, true);
        return () -> {
            if (debited.one().taken() < points) {
                throw new Problems.InsufficientPoints(points);
            }
            return announce(entry, debited.one().balance());
        };
    }

    /** Gives a cancelled redemption's points back to the lots they came from, with their original expiry. */
    public Posted restore(String memberId, long points, String redemptionId) {
        LedgerEntry entry = entry(memberId, EntryType.REVERSAL, points, "Redemption " + redemptionId + " cancelled", null);
        entry.redemptionId = redemptionId;
        lockAndCount(memberId, 0, -points);
        sql.update("""
                UPDATE lot SET remaining = lot.remaining + used.points
                  FROM lot_use used JOIN ledger_entry redeemed ON redeemed.id = used.entry_id
                 WHERE redeemed.member_id = ?1 AND redeemed.redemption_id = ?2 AND redeemed.type = 'REDEEM'
                   AND used.member_id = ?1 AND lot.id = used.lot_id AND lot.member_id = ?1""", memberId, redemptionId);
        return post(entry);
    }

    /**
     * Claws back points of a refunded order: first from the order's own lots (pending or not), then from the oldest
     * available lots; what they cannot cover becomes debt, so the balance may go below zero.
     */
    public Posted clawBack(String memberId, long points, String orderId) {
        LedgerEntry entry = entry(memberId, EntryType.REFUND, -points, "Refund of order " + orderId, null);
        entry.orderId = orderId;
        return debit(entry, points, orderId, -points);
    }

    /** Takes back points paid by mistake (a reversed referral reward); may leave debt. */
    public Posted reverse(String memberId, long points, String description) {
        return debit(entry(memberId, EntryType.REVERSAL, -points, description, null), points, null, -points);
    }

    /** An admin's correction: a credit is a lot that expires like earned points; a debit may leave debt. */
    public Posted adjust(String memberId, long points, String reason, Instant expiresAt) {
        if (points > 0) {
            Instant now = clock.instant();
            return credit(memberId, EntryType.ADJUST, points, null, reason, now, now, expiresAt);
        }
        return debit(entry(memberId, EntryType.ADJUST, points, reason, null), -points, null, 0);
    }

    /** Forfeits whatever a closing member still holds, pending points included; nothing when it holds nothing. */
    public Optional<Posted> forfeitAll(String memberId) {
        long debt = lockAndCount(memberId, 0, 0);
        Instant now = clock.instant();
        long held = sql.one("""
                SELECT COALESCE(SUM(remaining), 0) FROM lot
                 WHERE member_id = ?1 AND remaining > 0 AND (expires_at IS NULL OR expires_at > ?2)""", row -> row.getLong(1), memberId, now);
        if (held - debt <= 0) {
            return Optional.empty();
        }
        LedgerEntry entry = entry(memberId, EntryType.FORFEIT, -(held - debt), "Points forfeited on erasure", null);
        sql.update("""
                UPDATE lot SET remaining = 0
                 WHERE member_id = ?1 AND remaining > 0 AND (expires_at IS NULL OR expires_at > ?2)""", memberId, now);
        sql.update("UPDATE member_balance SET debt = 0 WHERE member_id = ?1", memberId);
        return Optional.of(post(entry));
    }

    /**
     * Expires, set-based, every lot whose expiry is at or before {@code asOf}: one EXPIRE entry per lot, dated at its
     * expiry. Lots already expired hold nothing, so a second run finds nothing to do.
     */
    public Expired expire(Instant asOf) {
        // First the balance rows of the members with lots due, locked as a posting locks them, in the order of their
        // ids. The next statement's snapshot is taken after the locks: it reads their lots as the last posting left
        // them, and no posting changes them until this commits.
        em.createNativeQuery("""
                CREATE TEMPORARY TABLE expiring ON COMMIT DROP AS
                SELECT member_id FROM member_balance b
                 WHERE EXISTS (SELECT FROM lot WHERE lot.member_id = b.member_id AND expires_at <= ?1 AND remaining > 0)
                 ORDER BY member_id
                   FOR UPDATE""")
                .setParameter(1, asOf)
                .executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("""
                WITH due AS (
                    SELECT id, member_id, remaining, expires_at FROM lot
                     WHERE expires_at <= ?1 AND remaining > 0 AND member_id IN (SELECT member_id FROM expiring)),
                emptied AS (
                    UPDATE lot SET remaining = 0 FROM due WHERE lot.id = due.id),
                written AS (
                    INSERT INTO ledger_entry (id, member_id, type, points, description, occurred_at, created_at)
                    SELECT 'txn_' || replace(gen_random_uuid()::text, '-', ''), member_id, 'EXPIRE', -remaining,
                           'Points expired', expires_at, ?2
                      FROM due
                    RETURNING points)
                SELECT count(*), COALESCE(-SUM(points), 0) FROM written""")
                .setParameter(1, asOf).setParameter(2, clock.instant())
                .getSingleResult();
        return new Expired(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
    }

    /** What an expiry run wrote off: how many lots, how many points. */
    public record Expired(int lots, long points) {
    }

    /**
     * The member's balance now and the available points of the lots that expire next within {@code days} (with the
     * day they expire), in one statement: the app reads this on every screen.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Standing standing(String memberId, int days) {
        Sql.Trip trip = sql.trip();
        Sql.Trip.Rows<Standing> standing = standingWith(trip, "", "", "b.member_id = ?1", memberId, days, (row, own) -> own);
        trip.run();
        return standing.one();
    }

    /** Maps a row of {@link #standingWith}: its own columns (from the seventh on) and the standing. */
    @FunctionalInterface
    public interface WithStanding<T> {
        T map(ResultSet row, Standing standing) throws SQLException;
    }

    /**
     * A member's standing (as {@link #standing(String, int)}) read with more of its rows in the same statement, as a
     * statement of the trip: {@code columns} (from the seventh column on) of the tables {@code joined} to its balance
     * {@code b}, a row for each member that {@code where} picks with {@code key} as ?1 (none when it finds none).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> Sql.Trip.Rows<T> standingWith(Sql.Trip trip, String columns, String joined, String where, Object key,
                                             int days, WithStanding<T> mapper) {
        Instant now = clock.instant();
        return trip.query(STANDING.formatted(columns, joined, where),
                row -> mapper.map(row, new Standing(balanceOf(row), row.getObject(5) == null ? null
                        : new Expiring(row.getLong(6), row.getObject(5, LocalDate.class)))),
                key, now, now.plus(Duration.ofDays(days)));
    }

    /**
     * One pass over the member's usable lots at ?2 gives its available and pending points and, from the window's first
     * minimum, the points expiring on the first day (up to ?3) on which some do.
     */
    private static final String STANDING = """
            SELECT s.available - b.debt, s.pending, b.lifetime_earned, b.lifetime_redeemed, s.soon_day, s.soon_points%s
              FROM member_balance b%s,
                   LATERAL (
                       SELECT COALESCE(SUM(remaining) FILTER (WHERE available_at <= ?2), 0) AS available,
                              COALESCE(SUM(remaining) FILTER (WHERE available_at > ?2), 0) AS pending,
                              MIN(first_day) AS soon_day, SUM(remaining) FILTER (WHERE day = first_day) AS soon_points
                         FROM (SELECT remaining, available_at, day, MIN(day) OVER () AS first_day
                                 FROM (SELECT remaining, available_at,
                                              CASE WHEN available_at <= ?2 AND expires_at <= ?3
                                                   THEN CAST(expires_at AT TIME ZONE 'UTC' AS date) END AS day
                                         FROM lot
                                        WHERE member_id = b.member_id AND remaining > 0
                                          AND (expires_at IS NULL OR expires_at > ?2)) usable) dated) s
             WHERE %s""";

    /** A member's balance and, when some are due within the warning window, its points about to expire. */
    public record Standing(Balance balance, Expiring expiringSoon) {
    }

    /** A member's entries, newest first, {@code limit + 1} of them so the caller can tell whether more follow. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LedgerEntry> entries(String memberId, PageRequest page) {
        if (page.after() == null) {
            return em.createQuery("FROM LedgerEntry WHERE memberId = :m ORDER BY createdAt DESC, id DESC", LedgerEntry.class)
                    .setParameter("m", memberId).setMaxResults(page.limit() + 1).getResultList();
        }
        return em.createQuery("""
                        FROM LedgerEntry WHERE memberId = :m AND (createdAt < :at OR (createdAt = :at AND id < :id))
                        ORDER BY createdAt DESC, id DESC""", LedgerEntry.class)
                .setParameter("m", memberId).setParameter("at", page.after().at()).setParameter("id", page.after().id())
                .setMaxResults(page.limit() + 1).getResultList();
    }

    /** A debit that may leave debt: takes what the lots hold, owes the rest. */
    private Posted debit(LedgerEntry entry, long points, String preferredOrderId, long earnedDelta) {
        Sql.Trip trip = sql.trip();
        lock(trip, entry.memberId, earnedDelta, 0);
        Sql.Trip.Rows<Debited> debited = debit(trip, entry, points, preferredOrderId, false);
        trip.run();
        long owed = points - debited.one().taken();
        if (owed > 0) {
            sql.update("UPDATE member_balance SET debt = debt + ?2 WHERE member_id = ?1", entry.memberId, owed);
        }
        return announce(entry, debited.one().balance());
    }

    /** Locks the member's balance row (the serialisation point of all its postings), moves its counters, returns its debt. */
    private long lockAndCount(String memberId, long earnedDelta, long redeemedDelta) {
        Sql.Trip trip = sql.trip();
        Sql.Trip.Rows<Long> debt = lock(trip, memberId, earnedDelta, redeemedDelta);
        trip.run();
        return debt.one();
    }

    private Sql.Trip.Rows<Long> lock(Sql.Trip trip, String memberId, long earnedDelta, long redeemedDelta) {
        return trip.query("""
                UPDATE member_balance SET lifetime_earned = lifetime_earned + ?2, lifetime_redeemed = lifetime_redeemed + ?3
                 WHERE member_id = ?1 RETURNING debt""", row -> row.getLong(1), memberId, earnedDelta, redeemedDelta);
    }

    /**
     * The debit of a posting as one statement of the trip, after the balance lock: writes the entry, takes up to
     * {@code points} from the member's lots — the lots of {@code preferredOrderId} first (pending or not), then the
     * oldest available ones — records which lots gave what, and reads the balance after it, counting what the lots
     * could not cover ({@code points} less those taken) as debt. With {@code whole} set, takes nothing unless the
     * available points less the member's debt cover all of it. The statement's snapshot is taken after the lock, so
     * the lots and the debt it reads are the member's now; it does not see its own changes, so the balance after comes
     * from the lots it read less what the take's RETURNING says it took from each. The lots are not locked one by one:
     * whatever changes them holds the balance lock too, and a row lock is a WAL record and a dirtied page each, for
     * every lot the member holds (bench/RESULTS.md, item 72).
     */
    private Sql.Trip.Rows<Debited> debit(Sql.Trip trip, LedgerEntry entry, long points, String preferredOrderId,
                                         boolean whole) {
        return posting(trip, entry, row -> new Debited(balanceOf(row), row.getLong(5)), "WITH " + INSERT_ENTRY + """
                , usable AS (
                    SELECT id, remaining, occurred_at, available_at, COALESCE(order_id = CAST(?12 AS text), false) AS preferred
                      FROM lot
                     WHERE member_id = ?2 AND remaining > 0 AND (expires_at IS NULL OR expires_at > ?9)),
                ordered AS (
                    SELECT id, remaining, SUM(remaining) OVER (ORDER BY preferred DESC, occurred_at, id) - remaining AS before
                      FROM usable
                     WHERE available_at <= ?9 OR preferred),
                portion AS (
                    SELECT id, LEAST(remaining, ?13 - before) AS points FROM ordered
                     WHERE before < ?13
                       AND (NOT ?14 OR (SELECT SUM(remaining) FROM ordered)
                                       - (SELECT debt FROM member_balance WHERE member_id = ?2) >= ?13)),
                used AS (
                    UPDATE lot SET remaining = lot.remaining - portion.points FROM portion
                     WHERE lot.id = portion.id
                    RETURNING lot.id, portion.points),
                recorded AS (
                    INSERT INTO lot_use (entry_id, lot_id, member_id, points)
                    SELECT ?1, id, ?2, points FROM used),
                taken AS (SELECT COALESCE(SUM(points), 0) AS points FROM used)
                SELECT COALESCE(SUM(u.remaining - COALESCE(d.points, 0)) FILTER (WHERE u.available_at <= ?9), 0)
                           - b.debt - (?13 - taken.points),
                       COALESCE(SUM(u.remaining - COALESCE(d.points, 0)) FILTER (WHERE u.available_at > ?9), 0),
                       b.lifetime_earned, b.lifetime_redeemed, taken.points
                  FROM member_balance b CROSS JOIN taken
                  LEFT JOIN usable u ON true
                  LEFT JOIN used d ON d.id = u.id
                 WHERE b.member_id = ?2
                 GROUP BY b.debt, b.lifetime_earned, b.lifetime_redeemed, taken.points""", preferredOrderId, points, whole);
    }

    /** A debit's balance after it (its debt included) and the points it took from lots. */
    private record Debited(Balance balance, long taken) {
    }

    /**
     * The entry's insert, as the first part of a WITH: parameters ?1 to ?11 (see {@link #posting}). Only a member with
     * a balance gets one: a redemption's debit is sent before its member is known to exist
     * ({@code RedemptionService.begin}), and must then write nothing rather than break the foreign key.
     */
    private static final String INSERT_ENTRY = """
            entry AS (
                INSERT INTO ledger_entry (id, member_id, type, points, order_id, redemption_id, description, occurred_at,
                                          created_at, available_at, expires_at)
                SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(?10 AS timestamptz), CAST(?11 AS timestamptz)
                  FROM member_balance WHERE member_id = ?2)
            """;

    /**
     * The member's (?2) balance at the entry's creation (?9) from a {@code usable} set of its lots and its row in
     * {@code balances}: member_balance itself, or the RETURNING of an update of it in the same statement.
     */
    private static final String BALANCE_OF_USABLE = balanceOfUsable("member_balance");
    private static final String BALANCE_AFTER_UPDATE = balanceOfUsable("new_balance");

    /** See {@link #viewAfter}: the view's JSON as Jackson writes a {@link BalanceView}. */
    private static final String VIEW_AFTER = """
            WITH usable AS (SELECT remaining, available_at, expires_at FROM lot WHERE member_id = ?2 AND remaining > 0),
            balance (available, pending, lifetime_earned, lifetime_redeemed) AS (
            """ + BALANCE_OF_USABLE + """
            )
            SELECT '{"available":' || available || ',"pending":' || pending || '}' FROM balance
             WHERE lojal_assert(lifetime_earned < ?12, 'lifetime earned points reached ' || ?12)""";

    private static String balanceOfUsable(String balances) {
        return """
                SELECT COALESCE(SUM(u.remaining) FILTER (WHERE u.available_at <= ?9), 0) - b.debt,
                       COALESCE(SUM(u.remaining) FILTER (WHERE u.available_at > ?9), 0),
                       b.lifetime_earned, b.lifetime_redeemed
                  FROM %s b
                  LEFT JOIN usable u ON u.remaining > 0 AND (u.expires_at IS NULL OR u.expires_at > ?9)
                 WHERE b.member_id = ?2
                 GROUP BY b.debt, b.lifetime_earned, b.lifetime_redeemed""".formatted(balances);
    }

    /**
     * Writes the entry and reads the balance after it in one statement. Its snapshot is taken after the balance lock
     * and the lot changes of this posting (earlier statements), so it sees every posting before this one.
     */
    private Posted post(LedgerEntry entry) {
        Sql.Trip trip = sql.trip();
        Sql.Trip.Rows<Balance> balance = post(trip, entry);
        trip.run();
        return announce(entry, balance.one());
    }

    private Sql.Trip.Rows<Balance> post(Sql.Trip trip, LedgerEntry entry) {
        return posting(trip, entry, "WITH " + INSERT_ENTRY + """
                , usable AS (SELECT remaining, available_at, expires_at FROM lot WHERE member_id = ?2 AND remaining > 0)
                """ + BALANCE_OF_USABLE);
    }

    /** A posting statement in the trip: the entry's parameters first (?1 to ?11), then {@code more}; its row is the balance. */
    private Sql.Trip.Rows<Balance> posting(Sql.Trip trip, LedgerEntry entry, String statement, Object... more) {
        return posting(trip, entry, Ledger::balanceOf, statement, more);
    }

    private <T> Sql.Trip.Rows<T> posting(Sql.Trip trip, LedgerEntry entry, Sql.Row<T> mapper, String statement,
                                         Object... more) {
        return trip.query(statement, mapper, parameters(entry, more));
    }

    /** The entry's parameters of a posting statement (?1 to ?11), then {@code more}. */
    private static Object[] parameters(LedgerEntry entry, Object... more) {
        Object[] parameters = new Object[11 + more.length];
        Object[] own = {entry.id, entry.memberId, entry.type.name(), entry.points, entry.orderId, entry.redemptionId,
                entry.description, entry.occurredAt, entry.createdAt, entry.availableAt, entry.expiresAt};
        System.arraycopy(own, 0, parameters, 0, own.length);
        System.arraycopy(more, 0, parameters, own.length, more.length);
        return parameters;
    }

    /** The posting done; tells the metrics, which count the entry if the transaction commits. */
    private Posted announce(LedgerEntry entry, Balance balance) {
        announce(entry);
        return new Posted(entry, balance);
    }

    private void announce(LedgerEntry entry) {
        posted.fire(new EntryPosted(entry.type, entry.points));
    }

    private static Balance balanceOf(ResultSet row) throws SQLException {
        return new Balance(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
    }

    private LedgerEntry entry(String memberId, EntryType type, long points, String description, Instant occurredAt) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = Ids.next("txn");
        entry.memberId = memberId;
        entry.type = type;
        entry.points = points;
        entry.description = description;
        entry.createdAt = clock.instant();
        entry.occurredAt = occurredAt != null ? occurredAt : entry.createdAt;
        return entry;
    }

    /** Points about to expire: how many, and on which day (UTC). */
    public record Expiring(long points, LocalDate on) {
    }
}
