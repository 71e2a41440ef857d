package io.lojal.analytics;

import io.lojal.analytics.ClvEstimates.ClvEstimate;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Keeps the CLV estimates that are too slow to compute on a call up to date: the one of {@code asOf} at the default
 * 12 months, and every stored one of the week before it whose orders changed since.
 */
@ApplicationScoped
public class ClvJob {

    private static final Logger LOG = Logger.getLogger(ClvJob.class);

    @Inject
    ClvService clv;

    @Inject
    ClvEstimates estimates;

    @Inject
    Clock clock;

    /** Returns how many estimates it computed. */
    public int run(LocalDate asOf) {
        long changes = estimates.orderChanges();
        record Key(LocalDate asOf, int horizonMonths) {
        }
        Set<Key> due = new LinkedHashSet<>();
        due.add(new Key(asOf, 12));
        for (ClvEstimate stored : estimates.since(asOf.minusDays(7))) {
            if (stored.asOf().equals(asOf) || stored.orderChanges() != changes) {
                due.add(new Key(stored.asOf(), stored.horizonMonths()));
            }
        }
        due.forEach(key -> clv.compute(key.asOf(), key.horizonMonths(), changes));
        return due.size();
    }

    @Scheduled(cron = "{lojal.jobs.fit-clv.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int computed = run(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        LOG.infof("fit-clv: %d CLV estimates computed", computed);
    }
}
