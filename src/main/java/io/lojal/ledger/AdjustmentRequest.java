package io.lojal.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdjustmentRequest")
public record AdjustmentRequest(
        @NotNull @Schema(example = "-250", description = "Signed, not 0") Long points,
        @NotBlank @Size(max = 500) @Schema(example = "Goodwill for a late delivery") String reason) {
}
