package io.lojal.offer;

import static io.lojal.common.SqlValues.instant;

import io.lojal.common.Codes;
import io.lojal.common.Problems;
import io.lojal.common.ProblemException;
import io.lojal.member.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Single-use discount codes: issued on a claim, checked and redeemed at checkout. */
@ApplicationScoped
public class DiscountCodes {

    static final int LENGTH = 12;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private record Stored(String code, String memberId, Discount discount, Instant expiresAt, Instant usedAt,
                          String usedOrderId, Long usedAmount) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DiscountCodeView issue(Offer offer, String memberId, Instant now) {
        String code = Codes.random(LENGTH);
        em.createNativeQuery("""
                INSERT INTO discount_code (code, offer_id, member_id, discount_type, discount_value, expires_at, claimed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, code).setParameter(2, offer.id()).setParameter(3, memberId)
                .setParameter(4, offer.discount().type().name()).setParameter(5, offer.discount().value())
                .setParameter(6, offer.endsAt()).setParameter(7, now).executeUpdate();
        return new DiscountCodeView(code, offer.id(), memberId, offer.discount(), offer.endsAt());
    }

    /** Whether the code would take money off this member's order now; writes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CodeCheck validate(String code, Member member, long orderAmount) {
        Stored stored = find(code);
        try {
            check(stored, member, clock.instant());
            return new CodeCheck(true, stored.discount().amountFor(orderAmount), null);
        } catch (ProblemException refusal) {
            return new CodeCheck(false, 0, refusal.slug());
        }
    }

    /**
     * Uses the code for an order. Exactly one of racing redemptions wins (a conditional UPDATE); redeeming again for
     * the same order answers what the first did, so a checkout can retry.
     */
    @Transactional
    public CodeRedemption redeem(String code, Member member, String orderId, long orderAmount) {
        Instant now = clock.instant();
        Stored stored = find(code);
        if (stored.usedAt() != null && orderId.equals(stored.usedOrderId()) && member.id.equals(stored.memberId())) {
            return new CodeRedemption(stored.usedAmount());
        }
        check(stored, member, now);
        long amount = stored.discount().amountFor(orderAmount);
        int used = em.createNativeQuery("""
                UPDATE discount_code SET used_at = ?2, used_order_id = ?3, used_amount = ?4
                 WHERE code = ?1 AND member_id = ?5 AND used_at IS NULL""")
                .setParameter(1, code).setParameter(2, now).setParameter(3, orderId).setParameter(4, amount)
                .setParameter(5, member.id).executeUpdate();
        if (used == 0) {
            throw new Problems.CodeAlreadyUsed();
        }
        return new CodeRedemption(amount);
    }

    private static void check(Stored stored, Member member, Instant now) {
        if (!stored.memberId().equals(member.id)) {
            throw new Problems.CodeNotOwned();
        }
        if (stored.usedAt() != null) {
            throw new Problems.CodeAlreadyUsed();
        }
        if (!now.isBefore(stored.expiresAt())) {
            throw new Problems.CodeExpired();
        }
    }

    private Stored find(String code) {
        List<?> rows = em.createNativeQuery("""
                SELECT code, member_id, discount_type, discount_value, expires_at, used_at, used_order_id, used_amount
                  FROM discount_code WHERE code = ?1""").setParameter(1, code).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new Stored((String) r[0], (String) r[1],
                        new Discount(Discount.Type.valueOf((String) r[2]), ((Number) r[3]).longValue()),
                        instant(r[4]), instant(r[5]), (String) r[6], r[7] == null ? null : ((Number) r[7]).longValue()))
                .findFirst()
                .orElseThrow(() -> new Problems.NotFound("No discount code '" + code + "'."));
    }
}
