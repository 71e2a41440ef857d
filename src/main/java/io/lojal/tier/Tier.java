package io.lojal.tier;

import java.math.BigDecimal;

/** A tier as the rest of the service sees it. */
public record Tier(String code, String name, int rank, long threshold, BigDecimal earnMultiplier) {
}
