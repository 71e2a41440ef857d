package io.lojal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorSurvivesTheRoundTripToTheMicrosecond() {
        Cursor cursor = new Cursor(Instant.parse("2026-03-01T12:00:00.123456Z"), "txn_abc");
        assertEquals(cursor, Cursor.decode(cursor.encode()));
        Cursor beforeEpoch = new Cursor(Instant.parse("1969-12-31T23:59:59.999999Z"), "x");
        assertEquals(beforeEpoch, Cursor.decode(beforeEpoch.encode()));
    }

    @Test
    void aForeignCursorIsAValidationFailure() {
        assertThrows(Problems.ValidationFailed.class, () -> Cursor.decode("not a cursor"));
        assertThrows(Problems.ValidationFailed.class, () -> Cursor.decode("MTIz"));
    }
}
