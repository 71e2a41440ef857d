package io.lojal.analytics;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * The retention periods, numbered as the read model numbers them (member_history.months and .weeks): months as
 * year × 12 + month − 1, ISO weeks as the days since Monday 1969-12-29 divided by 7.
 */
enum Period {
    MONTH, WEEK;

    /** The number of the period a day falls in. */
    int index(LocalDate day) {
        return this == MONTH ? day.getYear() * 12 + day.getMonthValue() - 1 : (int) Math.floorDiv(day.toEpochDay() + 3, 7);
    }

    /** The first day of a numbered period. */
    LocalDate start(int index) {
        return this == MONTH ? LocalDate.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1, 1) : LocalDate.ofEpochDay(index * 7L - 3);
    }

    /** {@code YYYY-MM} or the ISO week {@code YYYY-Www}. */
    String label(int index) {
        LocalDate start = start(index);
        return this == MONTH ? String.format("%d-%02d", start.getYear(), start.getMonthValue())
                : String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The read model's column of this period's numbers. */
    String column() {
        return this == MONTH ? "months" : "weeks";
    }
}
