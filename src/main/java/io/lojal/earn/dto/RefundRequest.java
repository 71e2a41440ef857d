package io.lojal.earn.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RefundRequest")
public record RefundRequest(
        @NotBlank @Size(max = 100) @Schema(example = "order-1001") String orderId,
        @NotNull @Positive @Schema(example = "29950", description = "Refunded minor units") Long amount) {
}
