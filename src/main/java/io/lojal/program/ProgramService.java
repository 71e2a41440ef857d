package io.lojal.program;

import io.lojal.common.ConfigChanged;
import io.lojal.common.ConfigChanges;
import io.lojal.common.Refreshing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The program is read on every earn and redeem, so it is served from memory. */
@ApplicationScoped
public class ProgramService {

    @Inject
    ProgramRepository repository;

    @Inject
    Clock clock;

    @ConfigProperty(name = "lojal.cache.max-age")
    Duration maxAge;

    @Inject
    ConfigChanges changes;

    private Refreshing<ProgramSettings> program;

    @PostConstruct
    void init() {
        program = new Refreshing<>(repository::load, clock, maxAge);
    }

    void onChange(@Observes ConfigChanged change) {
        program.invalidate();
    }

    public ProgramSettings current() {
        return program.get();
    }

    public ProgramSettings replace(ProgramSettings settings) {
        // Cache only what has committed, so no request reads a change that is later rolled back.
        ProgramSettings saved = QuarkusTransaction.requiringNew().call(() -> {
            repository.save(settings, clock.instant());
            changes.announce("program");
            return repository.load();
        });
        program.invalidate();
        return saved;
    }
}
