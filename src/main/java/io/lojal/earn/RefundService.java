package io.lojal.earn;

import io.lojal.common.PointsMath;
import io.lojal.common.Problems;
import io.lojal.earn.dto.RefundRequest;
import io.lojal.earn.dto.RefundResult;
import io.lojal.ledger.Ledger;
import io.lojal.ledger.Posted;
import io.lojal.member.Member;
import io.lojal.member.MemberService;
import io.lojal.member.MemberStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Refunds claw back an order's points in proportion: after refunds totalling R of an order of amount A that earned E,
 * the order has given back {@code floor(E × R / A)} points; each refund takes what that adds.
 */
@ApplicationScoped
public class RefundService {

    @Inject
    EarnedOrderRepository orders;

    @Inject
    MemberService members;

    @Inject
    Ledger ledger;

    @Inject
    Event<OrderRefunded> refunded;


    @Transactional
    public RefundResult refund(RefundRequest request) {
        EarnedOrder order = orders.lockForRefund(request.orderId())
                .orElseThrow(() -> new Problems.NotFound("No earned order '" + request.orderId() + "'."));
        long refundable = order.amount() - order.refundedAmount();
        if (request.amount() > refundable) {
            throw new Problems.RefundExceedsOrder(order.orderId(), refundable);
        }
        long refundedAmount = order.refundedAmount() + request.amount();
        long owed = PointsMath.floorMulDiv(order.points(), refundedAmount, order.amount());
        Member member = members.byId(order.memberId());
        // A closed member's points were forfeited: there is nothing left to claw back.
        long clawed = member.status == MemberStatus.CLOSED ? 0 : owed - order.refundedPoints();
        orders.recordRefund(order.orderId(), refundedAmount, order.refundedPoints() + clawed);
        Posted posted = ledger.clawBack(order.memberId(), clawed, order.orderId());
        refunded.fire(new OrderRefunded(order.memberId(), order.orderId(), refundedAmount == order.amount()));
        return new RefundResult(posted.entry().id, clawed, posted.balance().view());
    }
}
