package io.lojal.earn;

import java.time.Instant;

/** Fired inside an earn's transaction, after its points are credited. */
public record OrderEarned(String memberId, String orderId, long amount, Instant occurredAt) {
}
