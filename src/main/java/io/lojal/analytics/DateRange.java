package io.lojal.analytics;

import io.lojal.common.Problem.FieldError;
import io.lojal.common.Problems;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** An inclusive range of UTC dates, as the analytics calls take it ({@code from}, {@code to}). */
record DateRange(LocalDate from, LocalDate to) {

    static DateRange of(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (errors.isEmpty() && end.isBefore(start)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw new Problems.ValidationFailed(errors);
        }
        return new DateRange(start, end);
    }

    /** The first instant of the range. */
    Instant start() {
        return startOf(from);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The first instant after the range. */
    Instant end() {
        return endOf(to);
    }

    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date (YYYY-MM-DD)"));
            return null;
        }
    }

    /** An optional date parameter; {@code fallback} when absent. */
    static LocalDate dateOr(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = date(field, value, errors);
        if (!errors.isEmpty()) {
            throw new Problems.ValidationFailed(errors);
        }
        return date;
    }
}
