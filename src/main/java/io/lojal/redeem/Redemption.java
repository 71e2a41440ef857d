package io.lojal.redeem;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "redemption")
public class Redemption {

    @Id
    public String id;

    @Column(name = "member_id")
    public String memberId;

    public long points;

    @Column(name = "value_amount")
    public long valueAmount;

    public String currency;

    @Column(name = "order_id")
    public String orderId;

    @Enumerated(EnumType.STRING)
    public RedemptionStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;
}
