package io.lojal.referral;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReferralCode")
public record ReferralCodeView(
        @Schema(example = "R7KQ2MXH9P") String code,
        @Schema(example = "mem_3kq9x2m7w4c8h1v5n6b0z2r4", description = "The referrer") String memberId,
        @Schema(example = "partner-acme", description = "Who issued it: the issuing token's sub") String source,
        @Schema(example = "2026-03-01T12:00:00Z") Instant createdAt) {
}
