package io.lojal.referral;

import static io.lojal.common.SqlValues.instant;

import io.lojal.common.Codes;
import io.lojal.common.Cursor;
import io.lojal.common.Page;
import io.lojal.common.PageRequest;
import io.lojal.common.Problems;
import io.lojal.earn.OrderEarned;
import io.lojal.earn.OrderRefunded;
import io.lojal.ledger.EntryType;
import io.lojal.ledger.Ledger;
import io.lojal.member.EnrolmentRequested;
import io.lojal.member.Member;
import io.lojal.member.MemberEnrolled;
import io.lojal.member.MemberService;
import io.lojal.member.dto.EnrolMember;
import io.lojal.program.ProgramSettings;
import io.lojal.program.ProgramService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Referrals: codes, attribution at enrolment, the two-sided reward on the referee's first qualifying order
 * (once, within the referrer's yearly cap), and its reversal when that order is refunded in full.
 */
@ApplicationScoped
public class ReferralService {

    static final int CODE_LENGTH = 10;

    @Inject
    EntityManager em;

    @Inject
    MemberService members;

    @Inject
    ProgramService programs;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Transactional
    public ReferralCodeView issue(Member referrer, String source) {
        if (!referrer.isActive()) {
            throw new Problems.MemberInactive(referrer.id, referrer.status.name());
        }
        ReferralCodeView code = new ReferralCodeView(Codes.random(CODE_LENGTH), referrer.id, source, clock.instant());
        em.createNativeQuery("INSERT INTO referral_code (code, member_id, source, created_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, code.code()).setParameter(2, code.memberId()).setParameter(3, code.source())
                .setParameter(4, code.createdAt()).executeUpdate();
        return code;
    }

    /** The member's own code, made on the first call (serialised per member, so there is only ever one). */
    @Transactional
    public ReferralCodeView own(Member member, String subject) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('lojal.referral-code'), hashtext(?1))")
                .setParameter(1, member.id).getSingleResult();
        List<?> rows = em.createNativeQuery("""
                SELECT code, created_at FROM referral_code WHERE member_id = ?1 AND source = ?2 ORDER BY created_at LIMIT 1""")
                .setParameter(1, member.id).setParameter(2, subject).getResultList();
        if (!rows.isEmpty()) {
            Object[] row = (Object[]) rows.get(0);
            return new ReferralCodeView((String) row[0], member.id, subject, instant(row[1]));
        }
        return issue(member, subject);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReferralCodeStats stats(String code) {
        List<?> rows = em.createNativeQuery("""
                SELECT c.code, c.member_id, c.source,
                       (SELECT count(*) FROM referral r WHERE r.code = c.code),
                       (SELECT count(*) FROM referral r WHERE r.code = c.code AND r.status = 'REWARDED')
                  FROM referral_code c WHERE c.code = ?1""").setParameter(1, code).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new ReferralCodeStats((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue()))
                .findFirst().orElseThrow(() -> new Problems.NotFound("No referral code '" + code + "'."));
    }

    /** The members a member referred, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Page<ReferralView> referralsOf(Member referrer, PageRequest page) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT referee_id, status, rewarded_at, created_at FROM referral
                 WHERE referrer_id = ?1 AND (CAST(?2 AS timestamptz) IS NULL OR (created_at, referee_id) < (CAST(?2 AS timestamptz), ?3))
                 ORDER BY created_at DESC, referee_id DESC LIMIT ?4""")
                .setParameter(1, referrer.id)
                .setParameter(2, page.after() == null ? null : page.after().at())
                .setParameter(3, page.after() == null ? "" : page.after().id())
                .setParameter(4, page.limit() + 1).getResultList();
        return Page.of(rows, page, r -> new Cursor(instant(r[3]), (String) r[0]),
                r -> new ReferralView((String) r[0], (String) r[1], instant(r[2])));
    }

    /** Refuses an enrolment with an unknown code, or with one of the member's own (same email or externalId). */
    void check(@Observes EnrolmentRequested requested) {
        EnrolMember request = requested.request();
        if (request.referralCode() == null) {
            return;
        }
        Member referrer = referrer(request.referralCode())
                .orElseThrow(() -> new Problems.InvalidReferralCode(request.referralCode()));
        boolean sameEmail = request.email() != null && referrer.email != null && request.email().equalsIgnoreCase(referrer.email);
        if (sameEmail || request.externalId().equals(referrer.externalId)) {
            throw new Problems.SelfReferral();
        }
    }

    void attribute(@Observes MemberEnrolled enrolled) {
        if (enrolled.referralCode() == null) {
            return;
        }
        Member referrer = referrer(enrolled.referralCode()).orElseThrow();
        enrolled.member().referredBy = referrer.id;
        em.createNativeQuery("""
                INSERT INTO referral (referee_id, referrer_id, code, status, created_at) VALUES (?1, ?2, ?3, 'PENDING', ?4)""")
                .setParameter(1, enrolled.member().id).setParameter(2, referrer.id).setParameter(3, enrolled.referralCode())
                .setParameter(4, enrolled.member().enrolledAt).executeUpdate();
    }

    /**
     * Pays a PENDING referral on the referee's first order of at least minFirstOrderAmount. The conditional UPDATE
     * lets exactly one of two racing first orders through; the referrer's balance row is locked before its rewards
     * of the year are counted, so parallel referees cannot push it past the cap.
     */
    void reward(@Observes OrderEarned order) {
        ProgramSettings.Referral settings = programs.current().referral();
        if (!order.referred() || order.amount() < settings.minFirstOrderAmount()) {
            return;
        }
        List<?> pending = em.createNativeQuery("SELECT referrer_id FROM referral WHERE referee_id = ?1 AND status = 'PENDING'")
                .setParameter(1, order.memberId()).getResultList();
        if (pending.isEmpty()) {
            return;
        }
        String referrerId = (String) pending.get(0);
        Instant now = clock.instant();
        em.createNativeQuery("SELECT 1 FROM member_balance WHERE member_id = ?1 FOR UPDATE").setParameter(1, referrerId).getResultList();
        Instant yearStart = now.atOffset(ZoneOffset.UTC).withDayOfYear(1).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        long rewardedThisYear = ((Number) em.createNativeQuery("""
                SELECT count(*) FROM referral WHERE referrer_id = ?1 AND status = 'REWARDED' AND rewarded_at >= ?2""")
                .setParameter(1, referrerId).setParameter(2, yearStart).getSingleResult()).longValue();
        boolean capped = rewardedThisYear >= settings.maxRewardsPerReferrerPerYear();
        int won = em.createNativeQuery("""
                UPDATE referral SET status = ?2, order_id = ?3, rewarded_at = ?4, referrer_points = ?5, referee_points = ?6
                 WHERE referee_id = ?1 AND status = 'PENDING'""")
                .setParameter(1, order.memberId()).setParameter(2, capped ? "CAPPED" : "REWARDED").setParameter(3, order.orderId())
                .setParameter(4, now).setParameter(5, capped ? 0L : settings.referrerPoints())
                .setParameter(6, capped ? 0L : settings.refereePoints()).executeUpdate();
        if (won == 0 || capped) {
            return;
        }
        Instant expiresAt = programs.current().expiresAt(now);
        credit(referrerId, settings.referrerPoints(), "Referral reward: member " + order.memberId() + " ordered", now, expiresAt);
        credit(order.memberId(), settings.refereePoints(), "Referral welcome reward", now, expiresAt);
    }

    /** A full refund of the order that paid a referral takes both rewards back. */
    void reverse(@Observes OrderRefunded refund) {
        if (!refund.inFull()) {
            return;
        }
        List<?> rows = em.createNativeQuery("""
                UPDATE referral SET status = 'REVERSED', reversed_at = ?3
                 WHERE referee_id = ?1 AND order_id = ?2 AND status = 'REWARDED'
                RETURNING referrer_id, referrer_points, referee_points""")
                .setParameter(1, refund.memberId()).setParameter(2, refund.orderId()).setParameter(3, clock.instant())
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            long referrerPoints = ((Number) r[1]).longValue();
            long refereePoints = ((Number) r[2]).longValue();
            if (referrerPoints > 0) {
                ledger.reverse((String) r[0], referrerPoints, "Referral reward reversed: order " + refund.orderId() + " refunded");
            }
            if (refereePoints > 0) {
                ledger.reverse(refund.memberId(), refereePoints, "Referral reward reversed: order " + refund.orderId() + " refunded");
            }
        }
    }

    private void credit(String memberId, long points, String description, Instant now, Instant expiresAt) {
        if (points > 0) {
            ledger.credit(memberId, EntryType.REFERRAL, points, null, description, now, now, expiresAt);
        }
    }

    private Optional<Member> referrer(String code) {
        List<?> rows = em.createNativeQuery("SELECT member_id FROM referral_code WHERE code = ?1").setParameter(1, code).getResultList();
        return rows.stream().map(id -> members.byId((String) id)).findFirst();
    }
}
