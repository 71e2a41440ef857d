package io.lojal.earn.dto;

import io.lojal.earn.rules.BreakdownItem;
import io.lojal.ledger.BalanceView;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EarnResult")
public record EarnResult(
        @Schema(example = "txn_8d2k4m6p9q1r3s5t7v0w2x4y") String transactionId,
        @Schema(example = "mem_3kq9x2m7w4c8h1v5n6b0z2r4") String memberId,
        @Schema(example = "order-1001") String orderId,
        @Schema(example = "599") long points,
        List<BreakdownItem> breakdown,
        Status status,
        @Schema(example = "2026-03-01T12:00:00Z") Instant availableAt,
        BalanceView balance,
        TierChange tier) {

    @Schema(name = "EarnStatus")
    public enum Status {
        PENDING, AVAILABLE
    }

    @Schema(name = "TierChange")
    public record TierChange(@Schema(example = "MEMBER") String code, @Schema(description = "Whether this earn moved the member up") boolean changed) {
    }
}
