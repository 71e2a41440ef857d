package io.lojal.earn;

import java.time.Instant;

/** Fired inside an earn's transaction, after its points are credited; {@code referred}: the member joined through a referral. */
public record OrderEarned(String memberId, String orderId, long amount, Instant occurredAt, boolean referred) {
}
