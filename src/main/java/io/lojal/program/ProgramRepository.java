package io.lojal.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;

/** The single program row. */
@ApplicationScoped
public class ProgramRepository {

    @Inject
    EntityManager em;

    public ProgramSettings load() {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT name, currency, pending_days, expiry_months, tier_window_months, gross_margin,
                       point_value, min_points, increment,
                       referrer_points, referee_points, min_first_order_amount, max_rewards_per_referrer_per_year
                  FROM program WHERE id = 1""").getSingleResult();
        return new ProgramSettings((String) row[0], (String) row[1], (Integer) row[2], (Integer) row[3], (Integer) row[4],
                ((BigDecimal) row[5]).stripTrailingZeros(),
                new ProgramSettings.Redemption(((Number) row[6]).longValue(), ((Number) row[7]).longValue(), ((Number) row[8]).longValue()),
                new ProgramSettings.Referral(((Number) row[9]).longValue(), ((Number) row[10]).longValue(),
                        ((Number) row[11]).longValue(), (Integer) row[12]));
    }

    public void save(ProgramSettings program, Instant now) {
        em.createNativeQuery("""
                UPDATE program SET name = ?1, currency = ?2, pending_days = ?3, expiry_months = ?4, tier_window_months = ?5,
                       gross_margin = ?6, point_value = ?7, min_points = ?8, increment = ?9, referrer_points = ?10,
                       referee_points = ?11, min_first_order_amount = ?12, max_rewards_per_referrer_per_year = ?13,
                       updated_at = ?14
                 WHERE id = 1""")
                .setParameter(1, program.name())
                .setParameter(2, program.currency())
                .setParameter(3, program.pendingDays())
                .setParameter(4, program.expiryMonths())
                .setParameter(5, program.tierWindowMonths())
                .setParameter(6, program.grossMargin())
                .setParameter(7, program.redemption().pointValue())
                .setParameter(8, program.redemption().minPoints())
                .setParameter(9, program.redemption().increment())
                .setParameter(10, program.referral().referrerPoints())
                .setParameter(11, program.referral().refereePoints())
                .setParameter(12, program.referral().minFirstOrderAmount())
                .setParameter(13, program.referral().maxRewardsPerReferrerPerYear())
                .setParameter(14, now)
                .executeUpdate();
    }
}
