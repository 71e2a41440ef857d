package io.lojal.offer;

import io.lojal.member.MemberReference;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CodeCheckRequest", description = "Name the member by memberId or externalId")
public record CodeCheckRequest(
        @Size(max = 64) String memberId,
        @Size(max = 100) String externalId,
        @NotNull @PositiveOrZero @Schema(example = "12000", description = "Minor units") Long orderAmount) implements MemberReference {
}
