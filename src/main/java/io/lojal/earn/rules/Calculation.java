package io.lojal.earn.rules;

import java.util.List;

/** The points an order earns and their itemised breakdown. */
public record Calculation(long points, List<BreakdownItem> breakdown) {
}
