package io.lojal.tier;

import static io.lojal.common.SqlValues.instant;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lojal.common.JsonColumns;
import io.lojal.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class TierRepository {

    /** Qualifying points of an order: its EARN points less the share refunded, rounded down. */
    private static final String QUALIFYING = "o.earn_points - o.earn_points * o.refunded_amount / NULLIF(o.amount, 0)";

    private static final TypeReference<List<String>> BENEFITS = new TypeReference<>() { };

    @Inject
    EntityManager em;

    @Inject
    JsonColumns json;

    @Inject
    Sql sql;

    @SuppressWarnings("unchecked")
    public List<Tier> all() {
        List<Object[]> rows = em.createNativeQuery(
                "SELECT code, name, rank, threshold, earn_multiplier, benefits::text FROM tier ORDER BY rank").getResultList();
        return rows.stream().map(r -> new Tier((String) r[0], (String) r[1], (Integer) r[2], ((Number) r[3]).longValue(),
                ((BigDecimal) r[4]).stripTrailingZeros(), json.read((String) r[5], BENEFITS))).toList();
    }

    /** Serialises tier writes, so that two admins cannot build an invalid ladder between them. */
    public void lockLadder() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('lojal.tiers'))").getSingleResult();
    }

    public void insert(Tier tier) {
        em.createNativeQuery("""
                INSERT INTO tier (code, name, rank, threshold, earn_multiplier, benefits)
                VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb))""")
                .setParameter(1, tier.code()).setParameter(2, tier.name()).setParameter(3, tier.rank())
                .setParameter(4, tier.threshold()).setParameter(5, tier.earnMultiplier()).setParameter(6, json.write(tier.benefits()))
                .executeUpdate();
    }

    public void update(Tier tier) {
        em.createNativeQuery("""
                UPDATE tier SET name = ?2, rank = ?3, threshold = ?4, earn_multiplier = ?5, benefits = CAST(?6 AS jsonb)
                 WHERE code = ?1""")
                .setParameter(1, tier.code()).setParameter(2, tier.name()).setParameter(3, tier.rank())
                .setParameter(4, tier.threshold()).setParameter(5, tier.earnMultiplier()).setParameter(6, json.write(tier.benefits()))
                .executeUpdate();
    }

    public void delete(String code) {
        em.createNativeQuery("DELETE FROM tier WHERE code = ?1").setParameter(1, code).executeUpdate();
    }

    /** A member's qualifying points: its orders with occurredAt in (since, until], net of refunds. */
    public long qualifyingPoints(String memberId, Instant since, Instant until) {
        return sql.one("SELECT COALESCE(SUM(" + QUALIFYING + "), 0) FROM earn_order o"
                + " WHERE o.member_id = ?1 AND o.occurred_at > ?2 AND o.occurred_at <= ?3", row -> row.getLong(1), memberId, since, until);
    }

    /**
     * Moves a member up to {@code to} unless it is already there or higher (a concurrent earn may have moved it first),
     * and records the move. Returns whether it moved. The row lock is NO KEY UPDATE: concurrent earns hold KEY SHARE
     * locks on the member (their foreign keys) and must not be waited for while they wait for this one's balance lock.
     */
    public boolean moveUp(String memberId, String to, int toRank, Instant validUntil, Instant now) {
        List<?> from = em.createNativeQuery("""
                UPDATE member m SET tier_code = ?2, tier_valid_until = ?3
                  FROM (SELECT id, tier_code FROM member WHERE id = ?1 FOR NO KEY UPDATE) old JOIN tier current ON current.code = old.tier_code
                 WHERE m.id = old.id AND current.rank < ?4
                RETURNING old.tier_code""")
                .setParameter(1, memberId).setParameter(2, to).setParameter(3, validUntil).setParameter(4, toRank).getResultList();
        if (from.isEmpty()) {
            return false;
        }
        em.createNativeQuery("INSERT INTO tier_change (member_id, from_code, to_code, reason, changed_at) VALUES (?1, ?2, ?3, 'UPGRADE', ?4)")
                .setParameter(1, memberId).setParameter(2, from.get(0)).setParameter(3, to).setParameter(4, now).executeUpdate();
        return true;
    }

    /**
     * Moves members, set-based, to the highest tier their qualifying points as of {@code asOf} reach: up at any time,
     * down only once their tier's validity has ended, and — with {@code onlyFrom} — only the members of that tier
     * (whatever their validity: their tier is going away). Returns how many members moved.
     */
    public int reevaluate(Instant asOf, int windowMonths, String onlyFrom, String reason, Instant now) {
        return em.createNativeQuery("""
                WITH qualifying AS (
                    SELECT m.id, m.tier_code, m.tier_valid_until,
                           COALESCE((SELECT SUM(%s) FROM earn_order o
                                      WHERE o.member_id = m.id AND o.occurred_at > CAST(?1 AS timestamptz) - make_interval(months => CAST(?2 AS int))
                                        AND o.occurred_at <= ?1), 0) AS points
                      FROM member m
                     WHERE m.status <> 'CLOSED' AND (CAST(?3 AS text) IS NULL OR m.tier_code = CAST(?3 AS text))),
                reached AS (
                    SELECT q.id, q.tier_code AS from_code, current_tier.rank AS from_rank, q.tier_valid_until,
                           (SELECT t.code FROM tier t WHERE t.threshold <= q.points AND t.code <> COALESCE(CAST(?3 AS text), '')
                             ORDER BY t.rank DESC LIMIT 1) AS to_code
                      FROM qualifying q JOIN tier current_tier ON current_tier.code = q.tier_code),
                moves AS (
                    SELECT r.id, r.from_code, r.to_code, target.rank > r.from_rank AS up, target.rank AS to_rank
                      FROM reached r JOIN tier target ON target.code = r.to_code
                     WHERE r.to_code <> r.from_code
                       AND (target.rank > r.from_rank OR CAST(?3 AS text) IS NOT NULL
                            OR r.tier_valid_until IS NULL OR r.tier_valid_until <= ?1)),
                moved AS (
                    UPDATE member m SET tier_code = moves.to_code,
                           tier_valid_until = CASE WHEN moves.to_rank = 0 THEN NULL
                                                   WHEN moves.up THEN CAST(?1 AS timestamptz) + make_interval(months => CAST(?2 AS int))
                                                   ELSE m.tier_valid_until END
                      FROM moves WHERE m.id = moves.id)
                INSERT INTO tier_change (member_id, from_code, to_code, reason, changed_at)
                SELECT id, from_code, to_code, COALESCE(CAST(?4 AS text), CASE WHEN up THEN 'UPGRADE' ELSE 'DOWNGRADE' END), ?5
                  FROM moves""".formatted(QUALIFYING))
                .setParameter(1, asOf).setParameter(2, windowMonths).setParameter(3, onlyFrom).setParameter(4, reason)
                .setParameter(5, now)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<TierChangeView> history(String memberId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT from_code, to_code, reason, changed_at FROM tier_change WHERE member_id = ?1
                 ORDER BY changed_at DESC, id DESC LIMIT 100""").setParameter(1, memberId).getResultList();
        return rows.stream().map(r -> new TierChangeView((String) r[0], (String) r[1], (String) r[2], instant(r[3]))).toList();
    }


}
