package io.lojal.earn.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lojal.common.JsonColumns;
import io.lojal.earn.Channel;
import static io.lojal.common.SqlValues.instant;
import static io.lojal.common.SqlValues.longOrNull;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class EarnRuleRepository {

    private static final String COLUMNS = """
            id, name, type, active, valid_from, valid_to, channels::text, min_amount, points, per,
            categories::text, skus::text, factor, trigger, created_at, updated_at""";

    @Inject
    EntityManager em;

    @Inject
    JsonColumns json;

    @SuppressWarnings("unchecked")
    public List<EarnRule> all() {
        return ((List<Object[]>) em.createNativeQuery("SELECT " + COLUMNS + " FROM earn_rule ORDER BY created_at DESC, id DESC")
                .getResultList()).stream().map(this::rule).toList();
    }

    @SuppressWarnings("unchecked")
    public Optional<EarnRule> find(String id) {
        return ((List<Object[]>) em.createNativeQuery("SELECT " + COLUMNS + " FROM earn_rule WHERE id = ?1")
                .setParameter(1, id).getResultList()).stream().map(this::rule).findFirst();
    }

    public void insert(EarnRule rule) {
        bind(em.createNativeQuery("""
                INSERT INTO earn_rule (id, name, type, active, valid_from, valid_to, channels, min_amount, points, per,
                                       categories, skus, factor, trigger, updated_at, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8, ?9, ?10, CAST(?11 AS jsonb), CAST(?12 AS jsonb),
                        ?13, ?14, ?15, ?16)"""), rule).setParameter(16, rule.createdAt()).executeUpdate();
    }

    public boolean update(EarnRule rule) {
        return bind(em.createNativeQuery("""
                UPDATE earn_rule SET name = ?2, type = ?3, active = ?4, valid_from = ?5, valid_to = ?6,
                       channels = CAST(?7 AS jsonb), min_amount = ?8, points = ?9, per = ?10, categories = CAST(?11 AS jsonb),
                       skus = CAST(?12 AS jsonb), factor = ?13, trigger = ?14, updated_at = ?15
                 WHERE id = ?1"""), rule).executeUpdate() == 1;
    }

    public boolean delete(String id) {
        return em.createNativeQuery("DELETE FROM earn_rule WHERE id = ?1").setParameter(1, id).executeUpdate() == 1;
    }

    /** Binds every column but created_at, which only an insert sets. */
    private Query bind(Query query, EarnRule rule) {
        return query.setParameter(1, rule.id())
                .setParameter(2, rule.name())
                .setParameter(3, rule.type().name())
                .setParameter(4, rule.active())
                .setParameter(5, rule.validFrom())
                .setParameter(6, rule.validTo())
                .setParameter(7, json.write(rule.channels()))
                .setParameter(8, rule.minAmount())
                .setParameter(9, rule.points())
                .setParameter(10, rule.per())
                .setParameter(11, json.write(rule.categories()))
                .setParameter(12, json.write(rule.skus()))
                .setParameter(13, rule.factor())
                .setParameter(14, rule.trigger() == null ? null : rule.trigger().name())
                .setParameter(15, rule.updatedAt());
    }

    private EarnRule rule(Object[] row) {
        return new EarnRule((String) row[0], (String) row[1], RuleType.valueOf((String) row[2]), (Boolean) row[3],
                instant(row[4]), instant(row[5]), json.read((String) row[6], new TypeReference<Set<Channel>>() { }),
                longOrNull(row[7]), longOrNull(row[8]), longOrNull(row[9]),
                json.read((String) row[10], new TypeReference<Set<String>>() { }), json.read((String) row[11], new TypeReference<Set<String>>() { }),
                row[12] == null ? null : ((BigDecimal) row[12]).stripTrailingZeros(),
                row[13] == null ? null : BonusTrigger.valueOf((String) row[13]),
                instant(row[14]), instant(row[15]));
    }


}
