package io.lojal.common;

/** {@code ?limit=&cursor=} of a list call, checked: limit 1–200 (default 50), cursor as issued. */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(String limit, String cursor) {
        return new PageRequest(parseLimit(limit), cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor));
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Problems.ValidationFailed("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
