package io.lojal.common;

import java.util.List;

/** One exception type per problem slug of the contract (section 1, Errors). */
public final class Problems {

    private Problems() {
    }

    public static final class MalformedRequest extends ProblemException {
        public MalformedRequest(String detail) {
            super("malformed-request", 400, "Malformed request", detail);
        }
    }

    public static final class ValidationFailed extends ProblemException {
        public ValidationFailed(List<Problem.FieldError> errors) {
            super("validation-failed", 400, "Validation failed", "The request has invalid fields.", errors);
        }

        public ValidationFailed(String field, String message) {
            this(List.of(new Problem.FieldError(field, message)));
        }
    }

    public static final class IdempotencyKeyMissing extends ProblemException {
        public IdempotencyKeyMissing() {
            super("idempotency-key-missing", 400, "Idempotency-Key missing",
                    "This call needs an Idempotency-Key header of 1 to 255 characters.");
        }
    }

    public static final class Unauthorized extends ProblemException {
        public Unauthorized(String detail) {
            super("unauthorized", 401, "Unauthorized", detail);
        }
    }

    public static final class Forbidden extends ProblemException {
        public Forbidden(String detail) {
            super("forbidden", 403, "Forbidden", detail);
        }
    }

    public static final class NotFound extends ProblemException {
        public NotFound(String detail) {
            super("not-found", 404, "Not found", detail);
        }
    }

    public static final class MemberExists extends ProblemException {
        public MemberExists(String externalId) {
            super("member-exists", 409, "Member exists", "A member with externalId '" + externalId + "' already exists.");
        }
    }

    public static final class DuplicateOrder extends ProblemException {
        public DuplicateOrder(String orderId) {
            super("duplicate-order", 409, "Duplicate order", "Order '" + orderId + "' has already earned points.");
        }
    }

    public static final class IdempotencyInProgress extends ProblemException {
        public IdempotencyInProgress() {
            super("idempotency-in-progress", 409, "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry later.");
        }
    }

    public static final class AlreadyCancelled extends ProblemException {
        public AlreadyCancelled(String redemptionId) {
            super("already-cancelled", 409, "Already cancelled", "Redemption '" + redemptionId + "' is already cancelled.");
        }
    }

    public static final class IdempotencyKeyReuse extends ProblemException {
        public IdempotencyKeyReuse() {
            super("idempotency-key-reuse", 422, "Idempotency-Key reused",
                    "This Idempotency-Key was used with a different request.");
        }
    }

    public static final class InsufficientPoints extends ProblemException {
        public InsufficientPoints(long requested) {
            super("insufficient-points", 422, "Insufficient points",
                    "The member has fewer than the " + requested + " available points asked for.");
        }
    }

    public static final class RedemptionRuleViolation extends ProblemException {
        public RedemptionRuleViolation(String detail) {
            super("redemption-rule-violation", 422, "Redemption rule violated", detail);
        }
    }

    public static final class CurrencyMismatch extends ProblemException {
        public CurrencyMismatch(String given, String programCurrency) {
            super("currency-mismatch", 422, "Currency mismatch",
                    "The program runs in " + programCurrency + "; the order is in " + given + ".");
        }
    }

    public static final class MemberInactive extends ProblemException {
        public MemberInactive(String memberId, String status) {
            super("member-inactive", 422, "Member inactive", "Member '" + memberId + "' is " + status + ".");
        }
    }

    public static final class RefundExceedsOrder extends ProblemException {
        public RefundExceedsOrder(String orderId, long refundable) {
            super("refund-exceeds-order", 422, "Refund exceeds order",
                    "At most " + refundable + " of order '" + orderId + "' is left to refund.");
        }
    }

    public static final class InvalidReferralCode extends ProblemException {
        public InvalidReferralCode(String code) {
            super("invalid-referral-code", 422, "Invalid referral code", "No referral code '" + code + "' exists.");
        }
    }

    public static final class EntryTierRequired extends ProblemException {
        public EntryTierRequired(String detail) {
            super("entry-tier-required", 409, "Entry tier required", detail);
        }
    }

    public static final class OfferNotEligible extends ProblemException {
        public OfferNotEligible(String detail) {
            super("offer-not-eligible", 422, "Offer not eligible", detail);
        }
    }

    public static final class OfferLimitReached extends ProblemException {
        public OfferLimitReached(String detail) {
            super("offer-limit-reached", 422, "Offer limit reached", detail);
        }
    }

    public static final class CodeNotOwned extends ProblemException {
        public CodeNotOwned() {
            super("code-not-owned", 422, "Code not owned", "This discount code belongs to another member.");
        }
    }

    public static final class CodeAlreadyUsed extends ProblemException {
        public CodeAlreadyUsed() {
            super("code-already-used", 422, "Code already used", "This discount code has been used.");
        }
    }

    public static final class CodeExpired extends ProblemException {
        public CodeExpired() {
            super("code-expired", 422, "Code expired", "This discount code has expired.");
        }
    }

    public static final class SelfReferral extends ProblemException {
        public SelfReferral() {
            super("self-referral", 422, "Self-referral", "A member cannot be referred with its own referral code.");
        }
    }
}
