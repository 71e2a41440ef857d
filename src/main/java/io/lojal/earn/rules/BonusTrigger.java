package io.lojal.earn.rules;

public enum BonusTrigger {
    /** Every order. */
    ORDER,
    /** The member's first order. */
    FIRST_ORDER,
    /** On enrolment. */
    SIGNUP,
    /** The first order in the member's birthday month, once a year. */
    BIRTHDAY
}
