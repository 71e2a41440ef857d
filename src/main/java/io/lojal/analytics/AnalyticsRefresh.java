package io.lojal.analytics;

import io.lojal.common.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Folds what writers appended to the analytics read model (migration V5) into its stored rows: the per-day points and
 * liability changes, and the histories of members with new or refunded orders. Readers are exact without it (they add
 * what is not folded yet); it keeps what they add small. Each step is one transaction, so a reader sees it done or
 * not; rows appended while a step runs are not in its snapshot and wait for the next step or run.
 */
@ApplicationScoped
public class AnalyticsRefresh {

    private static final Logger LOG = Logger.getLogger(AnalyticsRefresh.class);

    /** Members rebuilt per transaction: short enough not to hold up readers, long enough to amortise a statement. */
    static final int MEMBERS_PER_STEP = 5000;

    @Inject
    Sql sql;

    /** What a run did: the member histories brought up to date, and how many of them by extending them. */
    public record Folded(long members, long extended) {
    }

    /** Folds everything appended so far. */
    public Folded run() {
        inOneTransaction(() -> sql.update("""
                WITH moved AS (DELETE FROM points_day_change RETURNING *)
                INSERT INTO points_day
                SELECT day, sum(issued), sum(redeemed), sum(expired) FROM moved GROUP BY day
                ON CONFLICT (day) DO UPDATE SET issued = points_day.issued + excluded.issued,
                    redeemed = points_day.redeemed + excluded.redeemed, expired = points_day.expired + excluded.expired"""));
        inOneTransaction(() -> sql.update("""
                WITH moved AS (DELETE FROM liability_day_change RETURNING *)
                INSERT INTO liability_day
                SELECT expires_on, sum(points) FROM moved GROUP BY expires_on
                ON CONFLICT (expires_on) DO UPDATE SET points = liability_day.points + excluded.points"""));
        // The last run's vacuum left the marks' row estimate at zero, and with it the planner matched every mark
        // against every member of the step in a nested loop: one step over a backlog of 320,000 marks took 13 s
        // (bench/RESULTS.md, item 44). Analyzing a run's few thousand marks takes milliseconds.
        sql.update("ANALYZE member_history_stale");
        // The members stale now, in steps; those marked while it runs wait for the next run, so a run ends under any load.
        long stale = sql.one("SELECT count(DISTINCT member_id) FROM member_history_stale", row -> row.getLong(1));
        Folded folded = new Folded(0, 0);
        for (long step = 0; step * MEMBERS_PER_STEP < stale; step++) {
            Folded one = inOneTransaction(() -> sql.one(FOLD_STALE, row -> new Folded(row.getLong(1), row.getLong(2))));
            if (one.members() == 0) {
                break;
            }
            folded = new Folded(folded.members() + one.members(), folded.extended() + one.extended());
        }
        // Every run empties these three tables and every write refills them: without a vacuum their dead rows pile up
        // (autovacuum may come late, or be off), and every run and every analytics read scans them all. SKIP_LOCKED:
        // another instance's vacuum of a table does as well. TRUNCATE false: the tables are empty now, so a vacuum
        // would cut them to nothing, under an exclusive lock and a WAL flush that every earn's trigger insert waits
        // behind, only for the next earns to extend them again. Outside any transaction, as VACUUM must be.
        sql.update("""
                VACUUM (SKIP_LOCKED, TRUNCATE false) member_history_stale, points_day_change, liability_day_change""");
        return folded;
    }

    /**
     * One batch of stale members: their stale marks are deleted and their histories brought up to date in the same
     * snapshot, so an order committed after it keeps its own mark. A member whose marks are all new orders later than
     * its stored history's has the history extended with them (V11); any other is rebuilt from all its orders, or
     * dropped when it has none left. Returns the members brought up to date or dropped, and how many were extended.
     */
    private static final String FOLD_STALE = """
            WITH marks AS (
                DELETE FROM member_history_stale
                 WHERE member_id IN (SELECT DISTINCT member_id FROM member_history_stale LIMIT %d)
                RETURNING member_id, appended_at),
            members AS (
                SELECT member_id, count(*) AS added, bool_and(appended_at IS NOT NULL) AS appends_only,
                       min(appended_at) AS first_added
                  FROM marks GROUP BY member_id),
            counted AS (UPDATE member_history_folded SET marks = marks + (SELECT count(*) FROM marks)),
            extendable AS (
                SELECT m.member_id, m.added, h AS stored,
                       coalesce(array_position(h.mix, 2147483647), cardinality(h.order_at) + 1) AS open_from
                  FROM members m JOIN member_history h USING (member_id)
                 WHERE m.appends_only
                   AND floor(EXTRACT(EPOCH FROM m.first_added) * 1000000) > h.order_at[cardinality(h.order_at)]),
            extended AS (
                SELECT x.* FROM extendable m
                 CROSS JOIN LATERAL (
                       SELECT array_agg(CAST(floor(EXTRACT(EPOCH FROM occurred_at) * 1000000) AS bigint)
                                        ORDER BY occurred_at DESC, order_id DESC) AS at,
                              array_agg(amount - refunded_amount ORDER BY occurred_at DESC, order_id DESC) AS revenue,
                              array_agg(CAST(occurred_at AT TIME ZONE 'UTC' AS date) - date '1970-01-01'
                                        ORDER BY occurred_at DESC, order_id DESC) AS day,
                              array_agg(category ORDER BY occurred_at DESC, order_id DESC) AS category
                         FROM (SELECT occurred_at, order_id, amount, refunded_amount, category FROM earn_order e
                                WHERE e.member_id = m.member_id ORDER BY occurred_at DESC, order_id DESC
                                LIMIT m.added + cardinality((m.stored).order_at) + 1 - m.open_from) o) latest
                 CROSS JOIN LATERAL member_history_extended(m.stored, CAST(m.added AS integer), latest.at,
                                                            latest.revenue, latest.day, latest.category) x),
            fresh AS (
                SELECT * FROM member_history_of(ARRAY(SELECT member_id FROM members m
                                                       WHERE NOT EXISTS (SELECT 1 FROM extendable x
                                                                          WHERE x.member_id = m.member_id)))),
            stored AS (
                INSERT INTO member_history SELECT * FROM fresh UNION ALL SELECT * FROM extended
                ON CONFLICT (member_id) DO UPDATE SET order_at = excluded.order_at, revenue_sum = excluded.revenue_sum,
                    mix = excluded.mix, months = excluded.months, weeks = excluded.weeks, days = excluded.days,
                    day_value_sum = excluded.day_value_sum),
            dropped AS (
                DELETE FROM member_history h USING members m
                 WHERE h.member_id = m.member_id AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.member_id = m.member_id)
                   AND NOT EXISTS (SELECT 1 FROM extendable x WHERE x.member_id = m.member_id))
            SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM extendable)""".formatted(MEMBERS_PER_STEP);

    private <T> T inOneTransaction(Supplier<T> step) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // One refresh at a time across instances: two could rebuild one member from different snapshots. Without
            // JIT: a rebuild's estimated cost is high enough to compile its plan, every run, and compiling took more
            // time than it saved (bench/RESULTS.md, items 38 and 42).
            sql.one("SELECT pg_advisory_xact_lock(hashtext('lojal.refresh-analytics')), set_config('jit', 'off', true)",
                    row -> 0);
            return step.get();
        });
    }

    @Scheduled(every = "{lojal.analytics.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Folded folded = run();
        if (folded.members() > 0) {
            LOG.debugf("refresh-analytics: %d member histories brought up to date, %d of them extended",
                    folded.members(), folded.extended());
        }
    }
}
