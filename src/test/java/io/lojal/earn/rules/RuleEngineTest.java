package io.lojal.earn.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lojal.earn.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleEngineTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    private static EarnRule spend(String id, long points, long per) {
        return new EarnRule(id, id, RuleType.SPEND, true, null, null, null, null, points, per, null, null, null, null, AT, AT);
    }

    private static EarnRule spendOn(String id, long points, long per, Set<String> categories, Set<String> skus) {
        return new EarnRule(id, id, RuleType.SPEND, true, null, null, null, null, points, per, categories, skus, null, null, AT, AT);
    }

    private static EarnRule multiplier(String id, String factor) {
        return new EarnRule(id, id, RuleType.MULTIPLIER, true, null, null, null, null, null, null, null, null, new BigDecimal(factor), null, AT, AT);
    }

    private static EarnRule bonus(String id, long points, BonusTrigger trigger) {
        return new EarnRule(id, id, RuleType.BONUS, true, null, null, null, null, points, null, null, null, null, trigger, AT, AT);
    }

    private static Order order(long amount) {
        return new Order(amount, AT, Channel.WEB, List.of(), false, false);
    }

    @ParameterizedTest(name = "{0} minor units at {1} per {2} = {3}")
    @CsvSource({
            "0, 1, 100, 0",
            "99, 1, 100, 0",
            "100, 1, 100, 1",
            "199, 1, 100, 1",
            "59900, 1, 100, 599",
            "333, 3, 200, 4",
            "1, 7, 3, 2",
            "9223372036854775807, 3, 7, 3952873730080618203",
    })
    void spendRoundsDown(long amount, long points, long per, long expected) {
        assertEquals(expected, RuleEngine.points(order(amount), List.of(spend("r", points, per)), "Member", BigDecimal.ONE).points());
    }

    @Test
    void severalSpendRulesAreEachRoundedDownThenAdded() {
        Calculation c = RuleEngine.points(order(150), List.of(spend("a", 1, 100), spend("b", 1, 100)), "Member", BigDecimal.ONE);
        // floor(1.5) + floor(1.5) = 2, not floor(3.0) = 3
        assertEquals(2, c.points());
        assertEquals(List.of(new BreakdownItem(BreakdownItem.Kind.SPEND, "a", "a", 1), new BreakdownItem(BreakdownItem.Kind.SPEND, "b", "b", 1)),
                c.breakdown());
    }

    @Test
    void categoryAndSkuRulesPayOnMatchingLinesOnly() {
        Order order = new Order(10_000, AT, Channel.WEB, List.of(
                new Order.Line("tv", "electronics", 1, 6_000),
                new Order.Line("hdmi", "accessories", 2, 1_000),
                new Order.Line("sock", "clothes", 4, 500)), false, false);
        EarnRule electronics = spendOn("e", 1, 100, Set.of("electronics"), null);
        EarnRule hdmiOrClothes = spendOn("h", 1, 10, Set.of("clothes"), Set.of("hdmi"));
        assertEquals(60, RuleEngine.points(order, List.of(electronics), "Member", BigDecimal.ONE).points());
        assertEquals(400, RuleEngine.points(order, List.of(hdmiOrClothes), "Member", BigDecimal.ONE).points());
    }

    @Test
    void twoSpendRulesMatchingOneLineBothPay() {
        Order order = new Order(2_000, AT, Channel.WEB, List.of(new Order.Line("tv", "electronics", 1, 2_000)), false, false);
        EarnRule byCategory = spendOn("c", 1, 100, Set.of("electronics"), null);
        EarnRule bySku = spendOn("s", 3, 1_000, null, Set.of("tv"));
        assertEquals(26, RuleEngine.points(order, List.of(byCategory, bySku), "Member", BigDecimal.ONE).points());
    }

    @Test
    void onlyTheHighestCampaignFactorCountsAndTheTierMultipliesTheProduct() {
        Calculation c = RuleEngine.points(order(10_050),
                List.of(spend("s", 1, 100), multiplier("m15", "1.5"), multiplier("m2", "2"), bonus("b", 25, BonusTrigger.ORDER)),
                "Gold", new BigDecimal("1.25"));
        // spendSum 100; × 2 = 200; × 1.25 = 250; + 25
        assertEquals(275, c.points());
        assertEquals(List.of(
                new BreakdownItem(BreakdownItem.Kind.SPEND, "s", "s", 100),
                new BreakdownItem(BreakdownItem.Kind.MULTIPLIER, "m2", "m2", 100),
                new BreakdownItem(BreakdownItem.Kind.TIER, null, "Gold", 50),
                new BreakdownItem(BreakdownItem.Kind.BONUS, "b", "b", 25)), c.breakdown());
    }

    @Test
    void theTierIsAppliedToTheUnroundedCampaignProduct() {
        // spendSum 3; × 1.5 = 4.5 -> MULTIPLIER 1; × 1.5 = 6.75 -> floor 6, TIER 6 - 4 = 2
        Calculation c = RuleEngine.points(order(300), List.of(spend("s", 1, 100), multiplier("m", "1.5")), "Silver", new BigDecimal("1.5"));
        assertEquals(6, c.points());
        assertEquals(6, c.breakdown().stream().mapToLong(BreakdownItem::points).sum());
    }

    @Test
    void conditionsHoldAtTheirBounds() {
        Instant from = AT.minusSeconds(60);
        EarnRule windowed = new EarnRule("w", "w", RuleType.SPEND, true, from, AT, Set.of(Channel.WEB), 1_000L, 1L, 100L,
                null, null, null, null, AT, AT);
        assertEquals(10, RuleEngine.points(new Order(1_000, from, Channel.WEB, List.of(), false, false), List.of(windowed), "M", BigDecimal.ONE).points());
        assertEquals(10, RuleEngine.points(new Order(1_000, AT, Channel.WEB, List.of(), false, false), List.of(windowed), "M", BigDecimal.ONE).points());
        assertEquals(0, RuleEngine.points(new Order(1_000, from.minusNanos(1000), Channel.WEB, List.of(), false, false), List.of(windowed), "M", BigDecimal.ONE).points());
        assertEquals(0, RuleEngine.points(new Order(1_000, AT.plusNanos(1000), Channel.WEB, List.of(), false, false), List.of(windowed), "M", BigDecimal.ONE).points());
        assertEquals(0, RuleEngine.points(new Order(999, AT, Channel.WEB, List.of(), false, false), List.of(windowed), "M", BigDecimal.ONE).points());
        assertEquals(0, RuleEngine.points(new Order(1_000, AT, Channel.APP, List.of(), false, false), List.of(windowed), "M", BigDecimal.ONE).points());
        assertEquals(0, RuleEngine.points(new Order(1_000, AT, null, List.of(), false, false), List.of(windowed), "M", BigDecimal.ONE).points());
    }

    @Test
    void inactiveRulesAreIgnoredAndFirstOrderBonusesPayOnlyOnTheFirstOrder() {
        EarnRule inactive = new EarnRule("i", "i", RuleType.SPEND, false, null, null, null, null, 1L, 1L, null, null, null, null, AT, AT);
        EarnRule welcome = bonus("w", 100, BonusTrigger.FIRST_ORDER);
        assertEquals(0, RuleEngine.points(order(500), List.of(inactive), "M", BigDecimal.ONE).points());
        assertEquals(100, RuleEngine.points(new Order(500, AT, null, List.of(), true, false), List.of(welcome), "M", BigDecimal.ONE).points());
        assertEquals(0, RuleEngine.points(order(500), List.of(welcome), "M", BigDecimal.ONE).points());
    }
}
