package io.lojal.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A value read on every request but changed rarely (program, rules, tiers), served from memory.
 * A change is announced to every instance ({@link ConfigChanges}), which forgets the value and reads it again;
 * {@code maxAge} is only the safety net should an announcement be lost.
 */
public final class Refreshing<T> {

    private record Snapshot<T>(T value, Instant loadedAt) {
    }

    private final Supplier<T> loader;
    private final Clock clock;
    private final Duration maxAge;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot<T> snapshot;

    public Refreshing(Supplier<T> loader, Clock clock, Duration maxAge) {
        this.loader = loader;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    public T get() {
        Snapshot<T> current = snapshot;
        Instant now = clock.instant();
        if (current != null && !current.loadedAt().plus(maxAge).isBefore(now)) {
            return current.value();
        }
        long seen = generation.get();
        T value = loader.get();
        // A change announced while we were reading may not be in what we read: keep it only if none came.
        if (generation.get() == seen) {
            snapshot = new Snapshot<>(value, now);
        }
        return value;
    }

    /** Forgets the value, so the next read loads what has committed. */
    public void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
    }
}
