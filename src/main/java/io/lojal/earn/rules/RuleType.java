package io.lojal.earn.rules;

public enum RuleType {
    /** Points per amount spent. */
    SPEND,
    /** A campaign factor on the SPEND sum; only the highest applicable one counts. */
    MULTIPLIER,
    /** Fixed points on a trigger. */
    BONUS
}
