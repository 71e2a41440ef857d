package io.lojal.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Transaction", description = "A ledger entry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionView(
        @Schema(example = "txn_8d2k4m6p9q1r3s5t7v0w2x4y") String id,
        EntryType type,
        @Schema(example = "120", description = "Signed: positive credits, negative debits") long points,
        @Schema(example = "order-1001") String orderId,
        @Schema(example = "Order order-1001") String description,
        @Schema(example = "2026-03-01T12:00:00Z") Instant occurredAt,
        @Schema(example = "2026-03-01T12:00:01Z") Instant createdAt,
        @Schema(example = "2026-03-15T12:00:00Z", description = "When earned points become available") Instant availableAt,
        @Schema(example = "2027-03-01T12:00:00Z", description = "When earned points expire") Instant expiresAt) {

    public static TransactionView of(LedgerEntry entry) {
        return new TransactionView(entry.id, entry.type, entry.points, entry.orderId, entry.description,
                entry.occurredAt, entry.createdAt, entry.availableAt, entry.expiresAt);
    }
}
