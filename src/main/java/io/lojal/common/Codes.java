package io.lojal.common;

import java.security.SecureRandom;

/** Codes people type: unguessable, and without look-alike characters (no 0/O, no 1/I/L). */
public final class Codes {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {
    }

    /** {@code length} symbols of 31: 12 give about 59 random bits. */
    public static String random(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
