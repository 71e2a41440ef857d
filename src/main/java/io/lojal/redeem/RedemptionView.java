package io.lojal.redeem;

import io.lojal.ledger.BalanceView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Redemption")
public record RedemptionView(
        @Schema(example = "red_4n8p2r6t0v3x7z1b5d9f3h7k") String id,
        @Schema(example = "mem_3kq9x2m7w4c8h1v5n6b0z2r4") String memberId,
        @Schema(example = "500") long points,
        Money value,
        RedemptionStatus status,
        @Schema(example = "2026-03-01T12:00:00Z") Instant createdAt,
        BalanceView balance) {

    @Schema(name = "Money")
    public record Money(@Schema(example = "500", description = "Minor units") long amount, @Schema(example = "EUR") String currency) {
    }
}
