package io.lojal.earn.rules;

import java.util.List;
import java.util.function.Predicate;

/** The points an order earns and their itemised breakdown. */
public record Calculation(long points, List<BreakdownItem> breakdown) {

    /** The bonus part: paid as a BONUS entry, apart from the EARN entry of the order's own points. */
    public long bonusPoints() {
        return breakdown.stream().filter(item -> item.kind() == BreakdownItem.Kind.BONUS).mapToLong(BreakdownItem::points).sum();
    }

    /** The same calculation without one rule's bonus (a once-only bonus that was already paid). */
    public Calculation withoutBonus(String ruleId) {
        Predicate<BreakdownItem> paid = item -> item.kind() == BreakdownItem.Kind.BONUS && ruleId.equals(item.ruleId());
        long removed = breakdown.stream().filter(paid).mapToLong(BreakdownItem::points).sum();
        return new Calculation(points - removed, breakdown.stream().filter(paid.negate()).toList());
    }
}
