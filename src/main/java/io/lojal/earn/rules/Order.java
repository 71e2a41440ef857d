package io.lojal.earn.rules;

import io.lojal.earn.Channel;
import java.time.Instant;
import java.util.List;

/**
 * What the rules engine needs to know of an order. {@code firstOrder}: the member has no earlier order;
 * {@code birthdayMonth}: the order falls in the member's birthday month.
 */
public record Order(long amount, Instant occurredAt, Channel channel, List<Line> lines, boolean firstOrder, boolean birthdayMonth) {

    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record Line(String sku, String category, long quantity, long unitPrice) {

        public long total() {
            return Math.multiplyExact(quantity, unitPrice);
        }
    }
}
