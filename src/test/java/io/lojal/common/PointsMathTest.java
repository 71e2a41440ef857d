package io.lojal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PointsMathTest {

    @Test
    void floorMulDivRoundsDownExactlyEvenWhenTheProductOverflows() {
        assertEquals(0, PointsMath.floorMulDiv(0, 5, 3));
        assertEquals(1, PointsMath.floorMulDiv(2, 1, 2));
        assertEquals(33, PointsMath.floorMulDiv(100, 3_333, 10_000));
        assertEquals(32, PointsMath.floorMulDiv(98, 3_333, 9_999));
        assertEquals(Long.MAX_VALUE / 2, PointsMath.floorMulDiv(Long.MAX_VALUE, 1_000_000, 2_000_000));
        assertThrows(IllegalArgumentException.class, () -> PointsMath.floorMulDiv(-1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> PointsMath.floorMulDiv(1, 1, 0));
    }
}
