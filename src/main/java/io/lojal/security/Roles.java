package io.lojal.security;

/** The roles of the contract, read from the token's {@code groups} claim. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String MERCHANT = "merchant";
    public static final String PARTNER = "partner";
    public static final String ANALYST = "analyst";
    public static final String MEMBER = "member";

    private Roles() {
    }
}
