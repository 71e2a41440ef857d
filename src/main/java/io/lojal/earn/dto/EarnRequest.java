package io.lojal.earn.dto;

import io.lojal.earn.Channel;
import io.lojal.member.MemberReference;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EarnRequest", description = "An order to earn points for; name the member by memberId or externalId")
public record EarnRequest(
        @Size(max = 64) @Schema(example = "mem_3kq9x2m7w4c8h1v5n6b0z2r4") String memberId,
        @Size(max = 100) @Schema(example = "shop-customer-4711") String externalId,
        @NotBlank @Size(max = 100) @Schema(example = "order-1001", description = "Earns once: a second earn is 409 duplicate-order")
        String orderId,
        @NotNull @PositiveOrZero @Schema(example = "59900", description = "Minor units") Long amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") @Schema(example = "EUR") String currency,
        @Schema(example = "2026-03-01T12:00:00Z", description = "When the order was placed; default now") Instant occurredAt,
        Channel channel,
        @Size(max = 500) @Schema(description = "When given, quantity × unitPrice of the lines must add up to amount")
        List<@Valid @NotNull OrderLine> lines) implements MemberReference {
}
