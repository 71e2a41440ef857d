package io.lojal.tier;

import io.lojal.common.ConfigChanged;
import io.lojal.common.ConfigChanges;
import io.lojal.common.Problems;
import io.lojal.common.Refreshing;
import io.lojal.program.ProgramService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tiers: the ladder (served from memory), its validated changes, and members moving up and down it. */
@ApplicationScoped
public class TierService {

    @Inject
    TierRepository repository;

    @Inject
    ProgramService programs;

    @Inject
    ConfigChanges changes;

    @Inject
    Clock clock;

    @ConfigProperty(name = "lojal.cache.max-age")
    Duration maxAge;

    private Refreshing<TierLadder> ladder;

    @PostConstruct
    void init() {
        ladder = new Refreshing<>(() -> new TierLadder(repository.all()), clock, maxAge);
    }

    void onChange(@Observes ConfigChanged change) {
        ladder.invalidate();
    }

    public TierLadder ladder() {
        return ladder.get();
    }

    /** The rank-0 tier every new member starts in. */
    public Tier entry() {
        return ladder().entry();
    }

    public Tier byCode(String code) {
        return ladder().byCode(code).orElseGet(this::entry);
    }

    public Tier get(String code) {
        return ladder().byCode(code).orElseThrow(() -> notFound(code));
    }

    public Tier create(TierRequest request) {
        if (request.code() == null) {
            throw new Problems.ValidationFailed("code", "must not be null");
        }
        Tier tier = tier(request.code(), request);
        change(tiers -> {
            if (tiers.stream().anyMatch(t -> t.code().equals(tier.code()))) {
                throw new Problems.ValidationFailed("code", "tier " + tier.code() + " exists already");
            }
            List<Tier> changed = new ArrayList<>(tiers);
            changed.add(tier);
            return changed;
        }, () -> repository.insert(tier));
        return tier;
    }

    public Tier replace(String code, TierRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw new Problems.ValidationFailed("code", "must be the code in the path, " + code);
        }
        Tier tier = tier(code, request);
        change(tiers -> {
            Tier existing = tiers.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow(() -> notFound(code));
            if (existing.rank() == 0 && tier.rank() != 0) {
                throw new Problems.EntryTierRequired("The entry tier keeps rank 0.");
            }
            return tiers.stream().map(t -> t.code().equals(code) ? tier : t).toList();
        }, () -> repository.update(tier));
        return tier;
    }

    /** Deletes a tier; its members move at once to the highest remaining tier their qualifying points reach. */
    public void delete(String code) {
        Instant now = clock.instant();
        change(tiers -> {
            Tier existing = tiers.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow(() -> notFound(code));
            if (existing.rank() == 0) {
                throw new Problems.EntryTierRequired("The rank-0 entry tier cannot be deleted.");
            }
            return tiers.stream().filter(t -> !t.code().equals(code)).toList();
        }, () -> {
            repository.reevaluate(now, programs.current().tierWindowMonths(), code, "TIER_DELETED", now);
            repository.delete(code);
        });
    }

    /**
     * The lifetime earned points from which an earn may move a member of this tier up: the next tier's threshold (see
     * {@link #afterEarn}).
     */
    public long ceiling(String tierCode) {
        return ladder().above(byCode(tierCode)).map(Tier::threshold).orElse(Long.MAX_VALUE);
    }

    /**
     * After an earn: moves the member up at once when its qualifying points now reach a higher tier (the earn itself
     * was priced with the old tier). Never moves down: that is the evaluation job's, after the tier's validity.
     * Qualifying points are never more than the member's lifetime earned points (both are net of refunds; lifetime also
     * counts bonuses and every window), so a member whose lifetime points are below the next threshold is spared the query.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TierMove afterEarn(String memberId, String tierCode, long lifetimeEarned) {
        if (lifetimeEarned < ceiling(tierCode)) {
            return new TierMove(tierCode, false);
        }
        TierLadder tiers = ladder();
        Tier current = byCode(tierCode);
        Instant now = clock.instant();
        int window = programs.current().tierWindowMonths();
        Tier reached = tiers.forPoints(repository.qualifyingPoints(memberId, windowStart(now, window), now));
        if (reached.rank() <= current.rank()) {
            return new TierMove(current.code(), false);
        }
        boolean moved = repository.moveUp(memberId, reached.code(), reached.rank(),
                now.atOffset(ZoneOffset.UTC).plusMonths(window).toInstant(), now);
        return new TierMove(moved ? reached.code() : current.code(), moved);
    }

    /** The evaluation job: everyone to the tier its qualifying points as of {@code asOf} reach, down only after validUntil. */
    @Transactional
    public int evaluate(Instant asOf) {
        repository.lockLadder();
        return repository.reevaluate(asOf, programs.current().tierWindowMonths(), null, null, clock.instant());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberTierView memberTier(String memberId, String tierCode, Instant validUntil) {
        Instant now = clock.instant();
        long qualifying = repository.qualifyingPoints(memberId, windowStart(now, programs.current().tierWindowMonths()), now);
        Tier current = byCode(tierCode);
        MemberTierView.Next next = ladder().above(current)
                .map(t -> new MemberTierView.Next(t.code(), t.threshold(), Math.max(0, t.threshold() - qualifying)))
                .orElse(null);
        return new MemberTierView(current, qualifying, validUntil, next, repository.history(memberId));
    }

    /** What a member's tier is after an earn. */
    public record TierMove(String code, boolean changed) {
    }

    /** Checks the ladder the change would leave, then writes it — serialised, committed, announced to every instance. */
    private void change(UnaryOperator<List<Tier>> proposal, Runnable write) {
        QuarkusTransaction.requiringNew().run(() -> {
            repository.lockLadder();
            TierLadder proposed = new TierLadder(proposal.apply(repository.all()));
            if (!proposed.problems().isEmpty()) {
                throw new Problems.ValidationFailed(proposed.problems());
            }
            write.run();
            changes.announce("tiers");
        });
        ladder.invalidate();
    }

    private static Instant windowStart(Instant at, int months) {
        return at.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    private static Tier tier(String code, TierRequest r) {
        return new Tier(code, r.name(), r.rank(), r.threshold(), r.earnMultiplier().stripTrailingZeros(),
                r.benefits() == null ? List.of() : r.benefits());
    }

    private static Problems.NotFound notFound(String code) {
        return new Problems.NotFound("No tier '" + code + "'.");
    }
}
