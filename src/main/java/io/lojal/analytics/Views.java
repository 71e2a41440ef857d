package io.lojal.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the analytics calls answer. Money in minor units (rounded down); rates as fractions, NPS and CSAT in percent. */
final class Views {

    private Views() {
    }

    @Schema(name = "AnalyticsSummary")
    record Summary(
            @Schema(description = "Members enrolled by the end of the range") long members,
            @Schema(description = "Members with at least one order in the range") long activeMembers,
            long orders,
            @Schema(description = "Order amounts less every refund of those orders, minor units") long revenue,
            @Schema(description = "revenue ÷ orders, minor units, rounded down") long averageOrderValue,
            @Schema(description = "Members with 2+ orders ÷ activeMembers", example = "0.25") BigDecimal repeatPurchaseRate,
            @Schema(description = "orders ÷ activeMembers", example = "1.8") BigDecimal purchaseFrequency,
            @Schema(description = "Mean gap in days between consecutive orders of a member", example = "23.5") BigDecimal averageDaysBetweenPurchases,
            @Schema(description = "Members whose orders span 2+ line categories ÷ activeMembers") BigDecimal multiProductRate,
            @Schema(description = "Positive EARN, BONUS, REFERRAL and ADJUST points in the range") long pointsIssued,
            @Schema(description = "Redeemed points net of cancellations") long pointsRedeemed,
            long pointsExpired,
            Liability pointsLiability,
            @Schema(description = "pointsRedeemed ÷ pointsIssued") BigDecimal redemptionRate,
            @Schema(description = "pointsExpired ÷ pointsIssued") BigDecimal breakageRate) {
    }

    @Schema(name = "PointsLiability", description = "All members' available and pending points now, and their value")
    record Liability(long points, @Schema(description = "points × pointValue, minor units") long value) {
    }

    @Schema(name = "Retention")
    record Retention(@Schema(enumeration = {"MONTH", "WEEK"}) String period, List<Cohort> cohorts) {
    }

    @Schema(name = "RetentionCohort")
    record Cohort(@Schema(example = "2026-03", description = "YYYY-MM, or ISO week YYYY-Www") String cohort, long size,
                  @Schema(description = "retained[k]: cohort members with an order in period cohort+k") List<Long> retained,
                  @Schema(description = "retained[k] ÷ size") List<BigDecimal> rates) {
    }

    @Schema(name = "Churn")
    record Churn(@Schema(description = "Members with an order by asOf") long customers,
                 @Schema(description = "Of those, members with no order in the inactiveDays before asOf") long churned,
                 BigDecimal churnRate) {
    }

    @Schema(name = "ClvSummary")
    record Clv(@Schema(description = "Mean revenue per customer to asOf, minor units") long historicalAverage,
               @Schema(description = "Mean predicted value over the horizon (× grossMargin), minor units") long predictedAverage,
               @Schema(example = "BG/NBD+Gamma-Gamma") String model, ClvParams params, int horizonMonths, BigDecimal grossMargin) {
    }

    @Schema(name = "ClvParams", description = "Fitted parameters; time in weeks, v in minor units")
    record ClvParams(double r, double alpha, double a, double b, double p, double q, double v) {
    }

    @Schema(name = "MemberClv")
    record MemberClv(Historical historical, Predicted predicted) {
    }

    @Schema(name = "HistoricalValue")
    record Historical(@Schema(description = "Minor units, net of refunds") long revenue, long orders, Instant firstOrderAt, Instant lastOrderAt) {
    }

    @Schema(name = "PredictedValue")
    record Predicted(BigDecimal probabilityAlive, BigDecimal expectedOrders,
                     @Schema(description = "expectedOrders × expected spend × grossMargin, minor units") long expectedValue) {
    }

    @Schema(name = "FeedbackScores")
    record Feedback(Nps nps, Score csat, Score cli, Score shareOfWallet) {
    }

    @Schema(name = "NpsScore")
    record Nps(@Schema(description = "% promoters − % detractors", example = "32.5") BigDecimal score, long promoters, long passives,
               long detractors, long responses) {
    }

    @Schema(name = "Score")
    record Score(BigDecimal score, long responses) {
    }
}
