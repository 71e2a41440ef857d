package io.lojal.referral;

import io.lojal.member.MemberReference;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReferralCodeRequest", description = "The referrer, by memberId or externalId")
public record ReferralCodeRequest(@Size(max = 64) String memberId, @Size(max = 100) String externalId) implements MemberReference {
}
