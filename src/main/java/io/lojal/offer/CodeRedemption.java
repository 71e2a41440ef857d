package io.lojal.offer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CodeRedemption")
public record CodeRedemption(@Schema(example = "1800", description = "Minor units off the order") long discountAmount) {
}
