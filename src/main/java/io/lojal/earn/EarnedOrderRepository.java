package io.lojal.earn;

import io.lojal.common.JsonColumns;
import io.lojal.common.Sql;
import io.lojal.earn.dto.EarnRequest;
import static io.lojal.common.SqlValues.longValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class EarnedOrderRepository {

    @Inject
    EntityManager em;

    @Inject
    JsonColumns json;

    @Inject
    Sql sql;

    /**
     * Records an earned order ({@code earnPoints}: its points without bonuses, what counts for tiers). The insert goes
     * with the transaction's next statement; an orderId that has earned before (the primary key decides, also under
     * races) fails it, breaking {@code earn_order_pkey}.
     */
    public void insert(EarnRequest order, String memberId, Instant occurredAt, long points, long earnPoints) {
        sql.later("""
                INSERT INTO earn_order (order_id, member_id, amount, currency, points, earn_points, channel, lines, occurred_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?9, ?6, CAST(?7 AS jsonb), ?8)""",
                order.orderId(), memberId, order.amount(), order.currency(), points,
                order.channel() == null ? null : order.channel().name(), json.write(order.lines()), occurredAt, earnPoints);
    }

    /** Whether the member has earned on an order other than this one. */
    public boolean hasAnyBefore(String memberId, String orderId) {
        return !em.createNativeQuery("SELECT 1 FROM earn_order WHERE member_id = ?1 AND order_id <> ?2 LIMIT 1")
                .setParameter(1, memberId).setParameter(2, orderId).getResultList().isEmpty();
    }

    /** The order, locked until the transaction ends, so concurrent refunds of it apply one after the other. */
    public Optional<EarnedOrder> lockForRefund(String orderId) {
        List<?> rows = em.createNativeQuery("""
                SELECT order_id, member_id, amount, points, refunded_amount, refunded_points
                  FROM earn_order WHERE order_id = ?1 FOR UPDATE""")
                .setParameter(1, orderId).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new EarnedOrder((String) r[0], (String) r[1],
                longValue(r[2]), longValue(r[3]), longValue(r[4]), longValue(r[5]))).findFirst();
    }

    public void recordRefund(String orderId, long refundedAmount, long refundedPoints) {
        em.createNativeQuery("UPDATE earn_order SET refunded_amount = ?2, refunded_points = ?3 WHERE order_id = ?1")
                .setParameter(1, orderId).setParameter(2, refundedAmount).setParameter(3, refundedPoints)
                .executeUpdate();
    }

}
