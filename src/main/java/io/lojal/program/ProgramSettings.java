package io.lojal.program;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The program's configuration, as PUT and read at {@code /v1/program}; also the in-memory snapshot services use. */
@Schema(name = "Program")
public record ProgramSettings(
        @NotBlank @Size(max = 200) @Schema(example = "Demo") String name,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        @Schema(example = "EUR", description = "ISO 4217; every order must be in it") String currency,
        @NotNull @PositiveOrZero @Max(3650)
        @Schema(example = "0", description = "Earned points stay pending until occurredAt + pendingDays") Integer pendingDays,
        @Positive @Max(1200)
        @Schema(example = "12", nullable = true, description = "Each earned lot expires this many months after its occurredAt; null: never")
        Integer expiryMonths,
        @NotNull @Positive @Max(120)
        @Schema(example = "12", description = "Rolling window of qualifying points for tiers") Integer tierWindowMonths,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(example = "0.3", description = "Fraction of revenue kept as margin, for CLV")
        BigDecimal grossMargin,
        @NotNull @Valid Redemption redemption,
        @NotNull @Valid Referral referral) {

    /** When points earned at {@code occurredAt} become available. */
    public Instant availableAt(Instant occurredAt) {
        return occurredAt.plus(Duration.ofDays(pendingDays));
    }

    /** When points earned at {@code occurredAt} expire; null when points never expire. */
    public Instant expiresAt(Instant occurredAt) {
        return expiryMonths == null ? null : occurredAt.atOffset(ZoneOffset.UTC).plusMonths(expiryMonths).toInstant();
    }

    @Schema(name = "RedemptionSettings")
    public record Redemption(
            @NotNull @PositiveOrZero @Schema(example = "1", description = "Minor units one point is worth") Long pointValue,
            @NotNull @Positive @Schema(example = "100", description = "Fewest points one redemption may take") Long minPoints,
            @NotNull @Positive @Schema(example = "1", description = "Redeemed points must be a multiple of this") Long increment) {
    }

    @Schema(name = "ReferralSettings")
    public record Referral(
            @NotNull @PositiveOrZero @Schema(example = "500") Long referrerPoints,
            @NotNull @PositiveOrZero @Schema(example = "250") Long refereePoints,
            @NotNull @PositiveOrZero @Schema(example = "0", description = "Minor units") Long minFirstOrderAmount,
            @NotNull @PositiveOrZero @Schema(example = "10") Integer maxRewardsPerReferrerPerYear) {
    }
}
