package io.lojal.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read on every request but changed rarely (program, rules, tiers), served from memory.
 * A change made on this instance is put in at once; one made by another instance is seen within {@code maxAge}.
 */
public final class Refreshing<T> {

    private record Snapshot<T>(T value, Instant loadedAt) {
    }

    private final Supplier<T> loader;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Snapshot<T> snapshot;

    public Refreshing(Supplier<T> loader, Clock clock, Duration maxAge) {
        this.loader = loader;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    public T get() {
        Snapshot<T> current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.loadedAt().plus(maxAge).isBefore(now)) {
            current = new Snapshot<>(loader.get(), now);
            snapshot = current;
        }
        return current.value();
    }

    /** Puts in a value that has just committed. */
    public void set(T value) {
        snapshot = new Snapshot<>(value, clock.instant());
    }

    /** Forgets the value, so the next read loads what has committed. */
    public void invalidate() {
        snapshot = null;
    }
}
