package io.lojal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void anIdIsItsPrefixTenTimeSymbolsAndSixteenRandomOnes() {
        String id = Ids.next("txn");
        assertTrue(id.matches("txn_[0-9a-hjkmnp-tv-z]{26}"), id);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnes() {
        long now = Instant.parse("2026-12-03T17:00:00Z").toEpochMilli();
        String earlier = Ids.next("lot", now);
        for (long later : new long[] {now + 1, now + 31, now + 32, now + 1_000, now + 86_400_000L * 365 * 100}) {
            String id = Ids.next("lot", later);
            assertTrue(id.compareTo(earlier) > 0, id + " after " + earlier);
        }
    }

    @Test
    void idsOfOneMillisecondShareTheirTimeAndDifferInTheirRandomPart() {
        long now = Instant.parse("2026-12-03T17:00:00Z").toEpochMilli();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(Ids.next("red", now));
        }
        assertEquals(1_000, ids.size());
        assertEquals(1, ids.stream().map(id -> id.substring(0, 14)).distinct().count());
    }
}
