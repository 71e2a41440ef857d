package io.lojal.offer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CodeCheck")
public record CodeCheck(
        boolean valid,
        @Schema(example = "1800", description = "Minor units off the order; 0 when not valid") long discountAmount,
        @Schema(nullable = true, example = "code-expired", description = "Why not: code-not-owned, code-already-used or code-expired")
        String reason) {
}
