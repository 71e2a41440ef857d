package io.lojal.support;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests: the real time in microsecond ticks, moved forward by tests that need to. */
public class MutableClock extends Clock {

    private static final Clock SYSTEM = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant fixed;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Stops the clock at {@code at}, to test behaviour at an exact bound. */
    public void fixAt(Instant at) {
        fixed = at;
    }

    public void reset() {
        offset = Duration.ZERO;
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : SYSTEM.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Replaces the service's clock for the whole test run. */
    public static class Producer {

        private static final MutableClock CLOCK = new MutableClock();

        @Produces
        @Singleton
        MutableClock mutableClock() {
            return CLOCK;
        }
    }
}
