package io.lojal.earn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** Once-only bonuses: a FIRST_ORDER bonus once per member, a BIRTHDAY bonus once per member and year. */
@ApplicationScoped
public class BonusAwards {

    @Inject
    EntityManager em;

    /** Records the award; false when it was already given (the primary key decides, also when two orders race). */
    public boolean claim(String memberId, String ruleId, String period, String orderId, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO bonus_award (member_id, rule_id, period, order_id, awarded_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, memberId).setParameter(2, ruleId).setParameter(3, period).setParameter(4, orderId)
                .setParameter(5, now).executeUpdate() == 1;
    }

    public boolean given(String memberId, String ruleId, String period) {
        return !em.createNativeQuery("SELECT 1 FROM bonus_award WHERE member_id = ?1 AND rule_id = ?2 AND period = ?3")
                .setParameter(1, memberId).setParameter(2, ruleId).setParameter(3, period).getResultList().isEmpty();
    }
}
