package io.lojal.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One movement of points. Append-only: a correction is a new entry, never an edit. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    public String id;

    @Column(name = "member_id")
    public String memberId;

    @Enumerated(EnumType.STRING)
    public EntryType type;

    public long points;

    @Column(name = "order_id")
    public String orderId;

    @Column(name = "redemption_id")
    public String redemptionId;

    public String description;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "available_at")
    public Instant availableAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
