package io.lojal.analytics;

import io.lojal.analytics.clv.BgNbd;
import io.lojal.analytics.clv.ClvFit;
import io.lojal.analytics.clv.GammaGamma;
import io.lojal.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Stored CLV estimates (table clv_estimate), and the count of order changes they are checked against. */
@ApplicationScoped
public class ClvEstimates {

    @Inject
    Sql sql;

    /**
     * The CLV figures of one asOf and horizon, computed on orders with {@code orderChanges} changes or more:
     * the fit and the mean predicted spend per customer over the horizon, before the gross margin.
     */
    public record ClvEstimate(LocalDate asOf, int horizonMonths, long orderChanges, Instant computedAt, long customers,
                               double predictedSpend, Optional<ClvFit> fit) {
    }

    /**
     * How many changes orders have had, as far as committed: every change leaves a stale mark, and refreshes count the
     * marks they fold. Read it before the orders an estimate is computed on.
     */
    public long orderChanges() {
        return sql.one("SELECT marks + (SELECT count(*) FROM member_history_stale) FROM member_history_folded", row -> row.getLong(1));
    }

    public Optional<ClvEstimate> find(LocalDate asOf, int horizonMonths) {
        return sql.list("SELECT * FROM clv_estimate WHERE as_of = ?1 AND horizon_months = ?2", ClvEstimates::estimate, asOf, horizonMonths)
                .stream().findFirst();
    }

    /** The most recently computed estimate of an asOf, whatever its horizon (they share one fit). */
    public Optional<ClvEstimate> latest(LocalDate asOf) {
        return sql.list("SELECT * FROM clv_estimate WHERE as_of = ?1 ORDER BY computed_at DESC LIMIT 1", ClvEstimates::estimate, asOf)
                .stream().findFirst();
    }

    /** Estimates of asOf dates from {@code since} on, for the job to bring up to date. */
    public List<ClvEstimate> since(LocalDate since) {
        return sql.list("SELECT * FROM clv_estimate WHERE as_of >= ?1 ORDER BY as_of, horizon_months", ClvEstimates::estimate, since);
    }

    public void save(ClvEstimate e) {
        BgNbd purchases = e.fit().map(ClvFit::purchases).orElse(null);
        GammaGamma spend = e.fit().map(ClvFit::spend).orElse(null);
        sql.update("""
                INSERT INTO clv_estimate (as_of, horizon_months, order_changes, computed_at, customers,
                                          predicted_spend, r, alpha, a, b, p, q, v)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                ON CONFLICT (as_of, horizon_months) DO UPDATE SET
                    order_changes = excluded.order_changes, computed_at = excluded.computed_at,
                    customers = excluded.customers, predicted_spend = excluded.predicted_spend, r = excluded.r,
                    alpha = excluded.alpha, a = excluded.a, b = excluded.b, p = excluded.p, q = excluded.q, v = excluded.v""",
                e.asOf(), e.horizonMonths(), e.orderChanges(), e.computedAt(), e.customers(), e.predictedSpend(),
                purchases == null ? null : purchases.r(), purchases == null ? null : purchases.alpha(),
                purchases == null ? null : purchases.a(), purchases == null ? null : purchases.b(),
                spend == null ? null : spend.p(), spend == null ? null : spend.q(), spend == null ? null : spend.v());
    }

    private static ClvEstimate estimate(ResultSet row) throws SQLException {
        double r = row.getDouble("r");
        Optional<ClvFit> fit = row.wasNull() ? Optional.empty() : Optional.of(new ClvFit(
                new BgNbd(r, row.getDouble("alpha"), row.getDouble("a"), row.getDouble("b")),
                new GammaGamma(row.getDouble("p"), row.getDouble("q"), row.getDouble("v"))));
        return new ClvEstimate(row.getObject("as_of", LocalDate.class), row.getInt("horizon_months"), row.getLong("order_changes"),
                Sql.instant(row, row.findColumn("computed_at")), row.getLong("customers"),
                row.getDouble("predicted_spend"), fit);
    }
}
