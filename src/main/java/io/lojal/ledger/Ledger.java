package io.lojal.ledger;

import io.lojal.common.Ids;
import io.lojal.common.PageRequest;
import io.lojal.common.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The only code that moves points. Each posting is one INSERT of a ledger entry and one UPDATE of the member's
 * balance row, in the caller's transaction; the UPDATE computes the new totals in SQL, so concurrent postings on one
 * member serialise on that row and none is lost.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {

    private static final String RETURNING = " RETURNING available, pending, lifetime_earned, lifetime_redeemed";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Opens the balance of a new member. */
    public void open(String memberId) {
        em.createNativeQuery("INSERT INTO member_balance (member_id) VALUES (?1)").setParameter(1, memberId).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Balance balance(String memberId) {
        return balance(em.createNativeQuery("SELECT available, pending, lifetime_earned, lifetime_redeemed FROM member_balance WHERE member_id = ?1")
                .setParameter(1, memberId).getResultList()).orElseThrow();
    }

    /** Earned points: available at once, or pending until {@code availableAt}. */
    public Posted credit(String memberId, EntryType type, long points, String orderId, String description,
                         Instant occurredAt, Instant availableAt, Instant expiresAt) {
        LedgerEntry entry = entry(memberId, type, points, description, occurredAt);
        entry.orderId = orderId;
        entry.availableAt = availableAt;
        entry.expiresAt = expiresAt;
        boolean pending = availableAt != null && availableAt.isAfter(entry.createdAt);
        return post(entry, pending ? 0 : points, pending ? points : 0, points, 0);
    }

    /** Takes redeemed points, refusing when fewer than {@code points} are available: no overspend, whatever the concurrency. */
    public Posted redeem(String memberId, long points, String redemptionId, String orderId) {
        LedgerEntry entry = entry(memberId, EntryType.REDEEM, -points, "Redemption " + redemptionId, null);
        entry.redemptionId = redemptionId;
        entry.orderId = orderId;
        Optional<Balance> after = balance(em.createNativeQuery("""
                UPDATE member_balance SET available = available - ?2, lifetime_redeemed = lifetime_redeemed + ?2
                 WHERE member_id = ?1 AND available >= ?2""" + RETURNING)
                .setParameter(1, memberId).setParameter(2, points).getResultList());
        Balance balance = after.orElseThrow(() -> new Problems.InsufficientPoints(points));
        em.persist(entry);
        return new Posted(entry, balance);
    }

    /** Gives back the points of a cancelled redemption. */
    public Posted restore(String memberId, long points, String redemptionId) {
        LedgerEntry entry = entry(memberId, EntryType.REVERSAL, points, "Redemption " + redemptionId + " cancelled", null);
        entry.redemptionId = redemptionId;
        return post(entry, points, 0, 0, -points);
    }

    /**
     * Claws back points of a refunded order. Points still pending are taken from pending first; the rest from
     * available, which may go below zero (the member then cannot redeem until it is positive again).
     */
    public Posted clawBack(String memberId, long points, String orderId, boolean orderStillPending) {
        LedgerEntry entry = entry(memberId, EntryType.REFUND, -points, "Refund of order " + orderId, null);
        entry.orderId = orderId;
        if (!orderStillPending) {
            return post(entry, -points, 0, -points, 0);
        }
        em.persist(entry);
        Balance balance = balance(em.createNativeQuery("""
                UPDATE member_balance SET pending = pending - LEAST(pending, ?2),
                                          available = available - (?2 - LEAST(pending, ?2)),
                                          lifetime_earned = lifetime_earned - ?2
                 WHERE member_id = ?1""" + RETURNING)
                .setParameter(1, memberId).setParameter(2, points).getResultList()).orElseThrow();
        return new Posted(entry, balance);
    }

    /** An admin's correction, up or down. */
    public Posted adjust(String memberId, long points, String reason) {
        return post(entry(memberId, EntryType.ADJUST, points, reason, null), points, 0, 0, 0);
    }

    /** Forfeits whatever a closing member still holds; nothing when it holds nothing (or owes points). */
    public Optional<Posted> forfeitAll(String memberId) {
        List<?> held = em.createNativeQuery("""
                UPDATE member_balance b SET available = 0, pending = 0
                  FROM (SELECT member_id, available + pending AS total FROM member_balance WHERE member_id = ?1 FOR UPDATE) held
                 WHERE b.member_id = held.member_id AND held.total > 0
                RETURNING held.total""")
                .setParameter(1, memberId).getResultList();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        LedgerEntry entry = entry(memberId, EntryType.FORFEIT, -((Number) held.get(0)).longValue(), "Points forfeited on erasure", null);
        em.persist(entry);
        return Optional.of(new Posted(entry, balance(memberId)));
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

    private Posted post(LedgerEntry entry, long availableDelta, long pendingDelta, long earnedDelta, long redeemedDelta) {
        em.persist(entry);
        Balance balance = balance(em.createNativeQuery("""
                UPDATE member_balance SET available = available + ?2, pending = pending + ?3,
                                          lifetime_earned = lifetime_earned + ?4, lifetime_redeemed = lifetime_redeemed + ?5
                 WHERE member_id = ?1""" + RETURNING)
                .setParameter(1, entry.memberId).setParameter(2, availableDelta).setParameter(3, pendingDelta)
                .setParameter(4, earnedDelta).setParameter(5, redeemedDelta)
                .getResultList()).orElseThrow();
        return new Posted(entry, balance);
    }

    private static Optional<Balance> balance(List<?> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Balance(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue()));
    }
}
