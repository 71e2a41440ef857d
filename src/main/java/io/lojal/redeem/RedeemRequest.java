package io.lojal.redeem;

import io.lojal.member.MemberReference;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RedeemRequest", description = "Points to redeem; name the member by memberId or externalId")
public record RedeemRequest(
        @Size(max = 64) @Schema(example = "mem_3kq9x2m7w4c8h1v5n6b0z2r4") String memberId,
        @Size(max = 100) @Schema(example = "shop-customer-4711") String externalId,
        @NotNull @Positive @Schema(example = "500") Long points,
        @Size(max = 100) @Schema(example = "order-1002", description = "The order the points pay towards") String orderId)
        implements MemberReference {
}
