package io.lojal.analytics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lojal.analytics.ClvEstimates.ClvEstimate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a stored CLV estimate may be served instead of being computed again. */
class ClvFreshnessTest {

    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");

    private final ClvService clv = new ClvService();

    ClvFreshnessTest() {
        clv.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        clv.recomputeUpTo = 50_000;
        clv.maxAge = Duration.ofHours(24);
    }

    private static ClvEstimate estimate(long changes, Duration age, long customers) {
        return new ClvEstimate(LocalDate.parse("2030-05-31"), 12, changes, NOW.minus(age), customers, 50.5, Optional.empty());
    }

    @Test
    void anEstimateOnUnchangedOrdersIsServedWhateverItsAge() {
        assertTrue(clv.current(estimate(7, Duration.ofDays(30), 1_000_000), 7));
        assertTrue(clv.current(estimate(7, Duration.ofDays(30), 10), 7));
    }

    @Test
    void aSmallProgramsEstimateIsComputedAgainOnceOrdersChanged() {
        assertFalse(clv.current(estimate(7, Duration.ofSeconds(1), 50_000), 8));
    }

    @Test
    void aLargeProgramsEstimateIsServedUntilItsMaximumAge() {
        assertTrue(clv.current(estimate(7, Duration.ofHours(23), 50_001), 8));
        assertFalse(clv.current(estimate(7, Duration.ofHours(24), 50_001), 8));
    }
}
