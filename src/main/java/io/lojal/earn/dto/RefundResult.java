package io.lojal.earn.dto;

import io.lojal.ledger.BalanceView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RefundResult")
public record RefundResult(
        @Schema(example = "txn_1a2b3c4d5e6f7g8h9j0k1m2n") String transactionId,
        @Schema(example = "299", description = "Points clawed back by this refund") long points,
        BalanceView balance) {
}
