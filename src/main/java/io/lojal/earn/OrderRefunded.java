package io.lojal.earn;

/** Fired inside a refund's transaction; {@code inFull}: the order's whole amount is now refunded. */
public record OrderRefunded(String memberId, String orderId, boolean inFull) {
}
