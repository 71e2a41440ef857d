package io.lojal.common;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a list, newest first; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, @Schema(nullable = true, example = "MTc0MDgzMjAwMDAwMDAwMDpsZV8xMjM") String nextCursor) {

    /**
     * Builds a page from up to {@code limit + 1} rows read after the cursor: the extra row only tells that more exist.
     */
    public static <E, T> Page<T> of(List<E> rows, PageRequest request, Function<E, Cursor> cursorOf, Function<E, T> view) {
        boolean more = rows.size() > request.limit();
        List<E> shown = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
