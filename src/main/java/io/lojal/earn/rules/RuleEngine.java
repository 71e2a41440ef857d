package io.lojal.earn.rules;

import io.lojal.common.PointsMath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The points arithmetic of the contract, with no I/O:
 * {@code floor(spendSum × campaignFactor × tierMultiplier) + bonuses}, every SPEND rule floored on its own.
 */
public final class RuleEngine {

    private RuleEngine() {
    }

    /** The points an order earns, itemised. */
    public static Calculation points(Order order, List<EarnRule> rules, String tierName, BigDecimal tierMultiplier) {
        List<EarnRule> applicable = rules.stream().filter(rule -> rule.appliesTo(order)).toList();
        List<BreakdownItem> breakdown = new ArrayList<>();

        long spendSum = 0;
        for (EarnRule rule : applicable) {
            if (rule.type() == RuleType.SPEND) {
                long points = PointsMath.floorMulDiv(rule.eligibleAmount(order), rule.points(), rule.per());
                spendSum = Math.addExact(spendSum, points);
                add(breakdown, BreakdownItem.Kind.SPEND, rule.id(), rule.name(), points);
            }
        }

        Optional<EarnRule> campaign = applicable.stream()
                .filter(rule -> rule.type() == RuleType.MULTIPLIER)
                .max(Comparator.comparing(EarnRule::factor));
        BigDecimal factor = campaign.map(EarnRule::factor).orElse(BigDecimal.ONE);
        long afterCampaign = floor(BigDecimal.valueOf(spendSum).multiply(factor));
        if (campaign.isPresent()) {
            add(breakdown, BreakdownItem.Kind.MULTIPLIER, campaign.get().id(), campaign.get().name(), afterCampaign - spendSum);
        }

        long afterTier = floor(BigDecimal.valueOf(spendSum).multiply(factor).multiply(tierMultiplier));
        add(breakdown, BreakdownItem.Kind.TIER, null, tierName, afterTier - afterCampaign);

        long total = afterTier;
        for (EarnRule rule : applicable) {
            if (rule.type() == RuleType.BONUS && triggered(rule.trigger(), order)) {
                total = Math.addExact(total, rule.points());
                add(breakdown, BreakdownItem.Kind.BONUS, rule.id(), rule.name(), rule.points());
            }
        }
        return new Calculation(total, List.copyOf(breakdown));
    }

    private static boolean triggered(BonusTrigger trigger, Order order) {
        return switch (trigger) {
            case ORDER -> true;
            case FIRST_ORDER -> order.firstOrder();
            case BIRTHDAY -> order.birthdayMonth();
            // Paid at enrolment, never on an order.
            case SIGNUP -> false;
        };
    }

    private static long floor(BigDecimal value) {
        return value.setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    private static void add(List<BreakdownItem> breakdown, BreakdownItem.Kind kind, String ruleId, String name, long points) {
        if (points != 0) {
            breakdown.add(new BreakdownItem(kind, ruleId, name, points));
        }
    }
}
