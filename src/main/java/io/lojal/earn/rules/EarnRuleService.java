package io.lojal.earn.rules;

import io.lojal.common.ConfigChanged;
import io.lojal.common.ConfigChanges;
import io.lojal.common.Ids;
import io.lojal.common.Problem.FieldError;
import io.lojal.common.Problems;
import io.lojal.common.Refreshing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Earn rules: validated writes, and the rule set every earn reads from memory. */
@ApplicationScoped
public class EarnRuleService {

    @Inject
    EarnRuleRepository repository;

    @Inject
    Clock clock;

    @ConfigProperty(name = "lojal.cache.max-age")
    Duration refresh;

    @Inject
    ConfigChanges changes;

    private Refreshing<List<EarnRule>> rules;

    @PostConstruct
    void init() {
        rules = new Refreshing<>(repository::all, clock, refresh);
    }

    /** All rules, newest first, from memory: an earn does not query the rules table. */
    public List<EarnRule> current() {
        return rules.get();
    }

    public EarnRule get(String id) {
        return QuarkusTransaction.joiningExisting().call(() -> repository.find(id)).orElseThrow(() -> notFound(id));
    }

    public EarnRule create(EarnRuleRequest request) {
        check(request);
        Instant now = clock.instant();
        EarnRule rule = rule(Ids.next("rule"), request, now, now);
        write(() -> repository.insert(rule));
        return rule;
    }

    public EarnRule replace(String id, EarnRuleRequest request) {
        check(request);
        EarnRule existing = get(id);
        EarnRule rule = rule(id, request, existing.createdAt(), clock.instant());
        write(() -> {
            if (!repository.update(rule)) {
                throw notFound(id);
            }
        });
        return rule;
    }

    public void delete(String id) {
        write(() -> {
            if (!repository.delete(id)) {
                throw notFound(id);
            }
        });
    }

    /** Commits, then reloads the cache, so no earn sees a rule change that did not commit. */
    private void write(Runnable change) {
        QuarkusTransaction.requiringNew().run(() -> {
            change.run();
            changes.announce("earn-rules");
        });
        rules.invalidate();
    }

    void onChange(@Observes ConfigChanged change) {
        rules.invalidate();
    }

    private static EarnRule rule(String id, EarnRuleRequest r, Instant createdAt, Instant updatedAt) {
        return new EarnRule(id, r.name(), r.type(), r.active() == null || r.active(), r.validFrom(), r.validTo(),
                r.channels(), r.minAmount(), r.points(), r.per(), r.categories(), r.skus(),
                r.factor() == null ? null : r.factor().stripTrailingZeros(), r.trigger(), createdAt, updatedAt);
    }

    /** The fields each rule type needs, and those it must not have. */
    private static void check(EarnRuleRequest r) {
        List<FieldError> errors = new ArrayList<>();
        boolean spend = r.type() == RuleType.SPEND;
        boolean multiplier = r.type() == RuleType.MULTIPLIER;
        boolean bonus = r.type() == RuleType.BONUS;
        require(errors, "points", r.points(), spend || bonus);
        require(errors, "per", r.per(), spend);
        require(errors, "categories", r.categories(), spend ? null : false);
        require(errors, "skus", r.skus(), spend ? null : false);
        require(errors, "factor", r.factor(), multiplier);
        require(errors, "trigger", r.trigger(), bonus);
        if (r.validFrom() != null && r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
            errors.add(new FieldError("validTo", "must not be before validFrom"));
        }
        if (!errors.isEmpty()) {
            throw new Problems.ValidationFailed(errors);
        }
    }

    /** {@code needed}: true must be set, false must be absent, null may be either. */
    private static void require(List<FieldError> errors, String field, Object value, Boolean needed) {
        if (Boolean.TRUE.equals(needed) && value == null) {
            errors.add(new FieldError(field, "is required for this rule type"));
        } else if (Boolean.FALSE.equals(needed) && value != null) {
            errors.add(new FieldError(field, "does not apply to this rule type"));
        }
    }

    private static Problems.NotFound notFound(String id) {
        return new Problems.NotFound("No earn rule with id '" + id + "'.");
    }
}
