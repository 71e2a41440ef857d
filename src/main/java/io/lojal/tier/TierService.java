package io.lojal.tier;

import io.lojal.common.ConfigChanged;
import io.lojal.common.Refreshing;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tiers, read on every earn and member view, served from memory. */
@ApplicationScoped
public class TierService {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "lojal.cache.max-age")
    Duration refresh;

    private Refreshing<List<Tier>> tiers;

    @PostConstruct
    void init() {
        tiers = new Refreshing<>(this::load, clock, refresh);
    }

    void onChange(@Observes ConfigChanged change) {
        tiers.invalidate();
    }

    /** The rank-0 tier every new member starts in. */
    public Tier entry() {
        return tiers.get().get(0);
    }

    public Tier byCode(String code) {
        return tiers.get().stream().filter(t -> t.code().equals(code)).findFirst().orElseGet(this::entry);
    }

    @SuppressWarnings("unchecked")
    private List<Tier> load() {
        List<Object[]> rows = em.createNativeQuery("SELECT code, name, rank, threshold, earn_multiplier FROM tier ORDER BY rank")
                .getResultList();
        return rows.stream()
                .map(r -> new Tier((String) r[0], (String) r[1], (Integer) r[2], ((Number) r[3]).longValue(), (BigDecimal) r[4]))
                .sorted(Comparator.comparingInt(Tier::rank))
                .toList();
    }
}
