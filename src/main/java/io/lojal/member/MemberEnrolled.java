package io.lojal.member;

/**
 * Fired inside the enrolment's transaction, once the member exists, so that what observers write (a signup bonus,
 * a referral) commits or rolls back with it. Observers may set {@link Member#referredBy}.
 */
public record MemberEnrolled(Member member, String referralCode) {
}
