package io.lojal.common;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

public class ClockProducer {

    /** Microsecond ticks: what PostgreSQL stores, so an instant reads back exactly as it was written. */
    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
