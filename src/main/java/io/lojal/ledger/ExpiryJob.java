package io.lojal.ledger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Writes the EXPIRE entries of expired lots: on a schedule, and on demand through the admin jobs endpoint. */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    @Inject
    Ledger ledger;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PointsMetrics metrics;

    /** Expires every lot due at or before {@code asOf}; returns how many. Running it again changes nothing. */
    public int run(Instant asOf) {
        Ledger.Expired expired = QuarkusTransaction.requiringNew().call(() -> {
            // One run at a time across instances; a second one would only wait for the first and find nothing left.
            em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('lojal.expire-points'))").getSingleResult();
            return ledger.expire(asOf);
        });
        metrics.count(EntryType.EXPIRE, expired.points());
        return expired.lots();
    }

    @Scheduled(cron = "{lojal.jobs.expire-points.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int expired = run(clock.instant());
        LOG.infof("expire-points: %d lots expired", expired);
    }
}
