package io.lojal.referral;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Referral")
public record ReferralView(
        @Schema(example = "mem_9x8w7v6t5s4r3q2p1n0m9k8j") String refereeId,
        @Schema(enumeration = {"PENDING", "REWARDED", "REVERSED", "CAPPED"}) String status,
        @Schema(nullable = true, example = "2026-03-04T09:30:00Z") Instant rewardedAt) {
}
