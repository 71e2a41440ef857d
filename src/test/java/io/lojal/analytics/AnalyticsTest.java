package io.lojal.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The figures of {@link AnalyticsFigures} with nothing folded: every history stale, every change unfolded. */
@QuarkusTest
@TestProfile(AnalyticsProfile.class)
class AnalyticsTest extends AnalyticsFigures {

    @Test
    void mixFindsWhereOrdersFromEachOnwardFirstSpanTwoCategories() {
        // Orders: a, none, a, b, none, several, c, c (chr(1) stands for several categories in one order), latest first.
        String mix = sql.one("SELECT CAST(category_mix(ARRAY['c', 'c', chr(1), NULL, 'b', 'a', NULL, 'a']) AS text)", row -> row.getString(1));
        assertEquals("{4,4,4,6,6,6,2147483647,2147483647}", mix);
        assertEquals("{}", sql.one("SELECT CAST(category_mix(ARRAY[]::text[]) AS text)", row -> row.getString(1)));
    }

    @Override
    void readModel() {
        markEveryHistoryStale();
        sql.update("WITH folded AS (DELETE FROM points_day RETURNING *) INSERT INTO points_day_change SELECT * FROM folded");
        sql.update("WITH folded AS (DELETE FROM liability_day RETURNING *) INSERT INTO liability_day_change SELECT * FROM folded");
    }
}
