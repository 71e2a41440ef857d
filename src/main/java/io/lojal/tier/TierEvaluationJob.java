package io.lojal.tier;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

@ApplicationScoped
public class TierEvaluationJob {

    private static final Logger LOG = Logger.getLogger(TierEvaluationJob.class);

    @Inject
    TierService tiers;

    @Inject
    Clock clock;

    @Scheduled(cron = "{lojal.jobs.evaluate-tiers.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        LOG.infof("evaluate-tiers: %d members moved", tiers.evaluate(clock.instant()));
    }
}
