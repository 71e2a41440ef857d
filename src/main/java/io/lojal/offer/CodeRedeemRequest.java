package io.lojal.offer;

import io.lojal.member.MemberReference;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CodeRedeemRequest", description = "Name the member by memberId or externalId")
public record CodeRedeemRequest(
        @Size(max = 64) String memberId,
        @Size(max = 100) String externalId,
        @NotBlank @Size(max = 100) @Schema(example = "order-1002", description = "Redeeming again for the same order answers the same") String orderId,
        @NotNull @PositiveOrZero @Schema(example = "12000", description = "Minor units") Long orderAmount) implements MemberReference {
}
