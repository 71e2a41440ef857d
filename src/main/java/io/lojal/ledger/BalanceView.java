package io.lojal.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Balance", description = "The member's points after the call")
public record BalanceView(@Schema(example = "1200") long available, @Schema(example = "0") long pending) {
}
