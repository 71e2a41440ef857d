package io.lojal.redeem;

import io.lojal.common.Ids;
import io.lojal.common.Problems;
import io.lojal.common.Sql;
import io.lojal.ledger.Ledger;
import io.lojal.ledger.Posted;
import io.lojal.member.Member;
import io.lojal.member.MemberService;
import io.lojal.member.MemberStatus;
import io.lojal.program.ProgramService;
import io.lojal.program.ProgramSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.function.Supplier;

@ApplicationScoped
public class RedemptionService {

    @Inject
    MemberService members;

    @Inject
    ProgramService programs;

    @Inject
    Ledger ledger;

    @Inject
    EntityManager em;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    /**
     * The redemption's first statements, for the round trip of the idempotency check: the member the request names
     * and, when it names it by id, the debit itself. When the call then fails (a replay, a broken rule, an inactive or
     * unknown member, too few points), the transaction rolls back, and the debit with it.
     */
    public Supplier<Begun> begin(Sql.Trip trip, RedeemRequest request) {
        Supplier<Member> member = members.resolve(trip, request);
        String id = Ids.next("red");
        // By externalId, the member's id is known only after the trip: the debit then goes in a round trip of its own.
        Supplier<Posted> debited = request.memberId() == null || request.externalId() != null ? null
                : ledger.redeem(trip, request.memberId(), request.points(), id, request.orderId());
        return () -> new Begun(id, member, debited);
    }

    /** What {@link #begin} read: the redemption's id, its member and, if sent, its debit. */
    public record Begun(String redemptionId, Supplier<Member> member, Supplier<Posted> debited) {
    }

    /** Redeems; {@code begun} gives what {@link #begin} read with the idempotency check. */
    @Transactional
    public RedemptionView redeem(RedeemRequest request, Supplier<Begun> begun) {
        ProgramSettings.Redemption rules = programs.current().redemption();
        long points = request.points();
        if (points < rules.minPoints()) {
            throw new Problems.RedemptionRuleViolation("At least " + rules.minPoints() + " points must be redeemed at once.");
        }
        if (points % rules.increment() != 0) {
            throw new Problems.RedemptionRuleViolation("Points must be redeemed in multiples of " + rules.increment() + ".");
        }
        Begun read = begun.get();
        Member member = read.member().get();
        if (!member.isActive()) {
            throw new Problems.MemberInactive(member.id, member.status.name());
        }
        Redemption redemption = new Redemption();
        redemption.id = read.redemptionId();
        redemption.memberId = member.id;
        redemption.points = points;
        redemption.valueAmount = Math.multiplyExact(points, rules.pointValue());
        redemption.currency = programs.current().currency();
        redemption.orderId = request.orderId();
        redemption.status = RedemptionStatus.COMPLETED;
        redemption.createdAt = clock.instant();
        Posted posted = read.debited() != null ? read.debited().get()
                : ledger.redeem(member.id, points, redemption.id, request.orderId());
        record(redemption);
        return view(redemption, posted);
    }

    /** Writes the redemption with the transaction's next statement (the stored answer): no round trip of its own. */
    private void record(Redemption redemption) {
        sql.later("""
                INSERT INTO redemption (id, member_id, points, value_amount, currency, order_id, status, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""",
                redemption.id, redemption.memberId, redemption.points, redemption.valueAmount, redemption.currency,
                redemption.orderId, redemption.status.name(), redemption.createdAt);
    }

    /** Cancels a redemption once; its points come back. Racing cancels: the conditional UPDATE lets exactly one through. */
    @Transactional
    public RedemptionView cancel(String id) {
        Redemption redemption = em.find(Redemption.class, id);
        if (redemption == null) {
            throw new Problems.NotFound("No redemption with id '" + id + "'.");
        }
        int cancelled = em.createNativeQuery("""
                UPDATE redemption SET status = 'CANCELLED', cancelled_at = ?2
                 WHERE id = ?1 AND member_id = ?3 AND status = 'COMPLETED'""")
                .setParameter(1, id).setParameter(2, clock.instant()).setParameter(3, redemption.memberId)
                .executeUpdate();
        if (cancelled == 0) {
            throw new Problems.AlreadyCancelled(id);
        }
        Member member = members.byId(redemption.memberId);
        if (member.status == MemberStatus.CLOSED) {
            throw new Problems.MemberInactive(member.id, member.status.name());
        }
        em.refresh(redemption);
        Posted posted = ledger.restore(redemption.memberId, redemption.points, redemption.id);
        return view(redemption, posted);
    }

    private static RedemptionView view(Redemption redemption, Posted posted) {
        return new RedemptionView(redemption.id, redemption.memberId, redemption.points,
                new RedemptionView.Money(redemption.valueAmount, redemption.currency), redemption.status,
                redemption.createdAt, posted.balance().view());
    }
}
