package io.lojal.member;

import java.time.Instant;

/** Fired inside the enrolment's transaction, so that what observers write commits or rolls back with it. */
public record MemberEnrolled(String memberId, Instant enrolledAt) {
}
