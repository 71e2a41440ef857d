package io.lojal.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReferralCodeStats")
public record ReferralCodeStats(
        @Schema(example = "R7KQ2MXH9P") String code,
        @Schema(example = "mem_3kq9x2m7w4c8h1v5n6b0z2r4") String memberId,
        @Schema(example = "partner-acme") String source,
        @Schema(example = "12", description = "Members who enrolled with the code") long uses,
        @Schema(example = "7", description = "Of those, referrals rewarded (and not reversed)") long rewarded) {
}
