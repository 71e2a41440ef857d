package io.lojal.earn;

/** An order that has earned points, as refunds see it. */
public record EarnedOrder(String orderId, String memberId, long amount, long points, long refundedAmount,
                          long refundedPoints) {
}
