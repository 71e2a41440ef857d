package io.lojal.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/**
 * Points moved, by entry type, as the Prometheus counter {@code lojal_points_total{type="EARN"}}: counted only once
 * the transaction that moved them has committed, so a rolled-back call counts nothing.
 */
@ApplicationScoped
public class PointsMetrics {

    @Inject
    MeterRegistry registry;

    /** One counter per entry type, registered once: looking it up in the registry on every posting costs more than counting. */
    private final Map<EntryType, Counter> counters = new EnumMap<>(EntryType.class);

    @PostConstruct
    void register() {
        for (EntryType type : EntryType.values()) {
            counters.put(type, Counter.builder("lojal.points").description("Points moved, by ledger entry type")
                    .tag("type", type.name()).register(registry));
        }
    }

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntryPosted posted) {
        count(posted.type(), Math.abs(posted.points()));
    }

    public void count(EntryType type, long points) {
        if (points != 0) {
            counters.get(type).increment(points);
        }
    }
}
