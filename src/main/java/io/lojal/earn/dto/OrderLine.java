package io.lojal.earn.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrderLine")
public record OrderLine(
        @NotBlank @Size(max = 100) @Schema(example = "SKU-123") String sku,
        @Size(max = 100) @Schema(example = "electronics") String category,
        @NotNull @Positive @Schema(example = "1") Long quantity,
        @NotNull @PositiveOrZero @Schema(example = "59900", description = "Minor units") Long unitPrice) {
}
