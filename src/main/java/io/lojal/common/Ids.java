package io.lojal.common;

import java.security.SecureRandom;

/** Opaque, unguessable ids with a readable prefix: {@code mem_7kq2…}. */
public final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String next(String prefix) {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        StringBuilder id = new StringBuilder(prefix.length() + 25).append(prefix).append('_');
        // 15 bytes = 120 bits = 24 symbols of 5 bits.
        long buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                id.append(ALPHABET[(int) (buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return id.toString();
    }
}
