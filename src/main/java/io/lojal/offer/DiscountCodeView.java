package io.lojal.offer;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DiscountCode")
public record DiscountCodeView(
        @Schema(example = "K7QX4MZ9HW2T", description = "Single use, bound to the member; no 0/O or 1/I/L") String code,
        @Schema(example = "off_2k4m6p8r0t2v4x6z8b0d2f4h") String offerId,
        @Schema(example = "mem_3kq9x2m7w4c8h1v5n6b0z2r4") String memberId,
        Discount discount,
        @Schema(example = "2026-03-09T00:00:00Z", description = "When the offer ends") Instant expiresAt) {
}
