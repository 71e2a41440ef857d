package io.lojal.member.dto;

import io.lojal.member.MemberStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Member")
public record MemberView(
        @Schema(example = "mem_3kq9x2m7w4c8h1v5n6b0z2r4") String id,
        @Schema(example = "shop-customer-4711", nullable = true, description = "null once the member is erased") String externalId,
        @Schema(example = "ada@example.com", nullable = true) String email,
        @Schema(example = "Ada Lovelace", nullable = true) String name,
        @Schema(example = "1990-12-10", nullable = true) LocalDate birthDate,
        MemberStatus status,
        TierRef tier,
        PointsView points,
        @Schema(example = "2026-03-01T12:00:00Z") Instant enrolledAt,
        @Schema(nullable = true, description = "The referrer's member id") String referredBy,
        @Schema(nullable = true) Map<String, Object> attributes) {

    @Schema(name = "TierRef")
    public record TierRef(@Schema(example = "MEMBER") String code, @Schema(example = "Member") String name) {
    }

    @Schema(name = "MemberPoints")
    public record PointsView(
            @Schema(example = "1200", description = "Redeemable now; never includes pending or expired points") long available,
            @Schema(example = "300", description = "Earned, not yet available") long pending,
            @Schema(example = "5400", description = "Points earned from orders, bonuses and referrals, net of refunds") long lifetimeEarned,
            @Schema(example = "4200", description = "Points redeemed, net of cancellations") long lifetimeRedeemed,
            @Schema(nullable = true, description = "The available points that expire next within 30 days") ExpiringSoon expiringSoon) {
    }

    @Schema(name = "ExpiringSoon")
    public record ExpiringSoon(@Schema(example = "150") long points, @Schema(example = "2026-12-01") LocalDate on) {
    }
}
