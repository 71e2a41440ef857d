package io.lojal.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void monthsAreNumberedFromYearZero() {
        assertEquals(2030 * 12 + 1, Period.MONTH.index(LocalDate.parse("2030-02-28")));
        assertEquals(LocalDate.parse("2030-02-01"), Period.MONTH.start(2030 * 12 + 1));
        assertEquals("2030-12", Period.MONTH.label(Period.MONTH.index(LocalDate.parse("2030-12-31"))));
    }

    @Test
    void isoWeeksStartOnMonday() {
        // 2030-01-05 is a Saturday in ISO week 2030-W01, which starts on Monday 2029-12-31.
        int week = Period.WEEK.index(LocalDate.parse("2030-01-05"));
        assertEquals(LocalDate.parse("2029-12-31"), Period.WEEK.start(week));
        assertEquals(week, Period.WEEK.index(LocalDate.parse("2029-12-31")));
        assertEquals(week + 1, Period.WEEK.index(LocalDate.parse("2030-01-07")));
        assertEquals("2030-W01", Period.WEEK.label(week));
        // 1970-01-01 was a Thursday: its week is number 0, the same as in the read model's (day + 3) / 7.
        assertEquals(0, Period.WEEK.index(LocalDate.EPOCH));
        assertEquals("2020-W53", Period.WEEK.label(Period.WEEK.index(LocalDate.parse("2021-01-03"))));
    }
}
