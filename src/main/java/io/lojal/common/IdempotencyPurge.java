package io.lojal.common;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class IdempotencyPurge {

    @Inject
    IdempotencyService idempotency;

    @Scheduled(every = "{lojal.idempotency.purge-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        idempotency.purgeExpired();
    }
}
