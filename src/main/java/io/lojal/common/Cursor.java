package io.lojal.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Keyset position in a list ordered by (time, id) descending; opaque to clients. */
public record Cursor(Instant at, String id) {

    public String encode() {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        String raw = micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            long micros = Long.parseLong(raw.substring(0, colon));
            String id = raw.substring(colon + 1);
            if (id.isEmpty()) {
                throw new IllegalArgumentException("no id");
            }
            return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L), id);
        } catch (RuntimeException e) {
            throw new Problems.ValidationFailed("cursor", "is not a cursor this service issued");
        }
    }
}
