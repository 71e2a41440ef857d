package io.lojal.analytics;

import io.lojal.common.Problems;
import io.lojal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/analytics")
@Tag(name = "Analytics", description = "Retention, churn, CLV, points liability and feedback scores. Dates are UTC and inclusive.")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class AnalyticsResource {

    @Inject
    AnalyticsService analytics;

    @Inject
    ClvService clv;

    @Inject
    Clock clock;

    @GET
    @Path("/summary")
    @Operation(summary = "Orders, revenue, repeat buying and points figures for a date range",
            description = "Orders are earn calls by occurredAt; revenue is their amounts less every refund of them. Live figures.")
    @APIResponse(responseCode = "200", description = "The summary")
    public Views.Summary summary(@QueryParam("from") @Parameter(required = true, example = "2026-01-01") String from,
                                 @QueryParam("to") @Parameter(required = true, example = "2026-03-31") String to) {
        return analytics.summary(DateRange.of(from, to));
    }

    @GET
    @Path("/retention")
    @Operation(summary = "Cohort retention", description = "Cohorts: members whose first order fell in a period of the range; "
            + "retained[k]: those with an order in period cohort+k, up to the end of the range. Live figures.")
    @APIResponse(responseCode = "200", description = "The cohorts")
    public Views.Retention retention(@QueryParam("from") @Parameter(required = true, example = "2026-01-01") String from,
                                     @QueryParam("to") @Parameter(required = true, example = "2026-06-30") String to,
                                     @QueryParam("period") @Parameter(description = "MONTH (default) or WEEK") String period) {
        return analytics.retention(DateRange.of(from, to), period == null ? "MONTH" : period);
    }

    @GET
    @Path("/churn")
    @Operation(summary = "Churn among members with at least one order", description = "Churned: no order in the inactiveDays before asOf.")
    @APIResponse(responseCode = "200", description = "The churn figures")
    public Views.Churn churn(@QueryParam("asOf") @Parameter(description = "Default today (UTC)", example = "2026-03-31") String asOf,
                             @QueryParam("inactiveDays") @Parameter(description = "Default 180") String inactiveDays) {
        return analytics.churn(DateRange.dateOr("asOf", asOf, today()), whole("inactiveDays", inactiveDays, 180));
    }

    @GET
    @Path("/clv")
    @Operation(summary = "Customer lifetime value: historical, and predicted with BG/NBD and Gamma-Gamma",
            description = "Fitted by maximum likelihood on the order history up to asOf; params in weeks, v in minor units. "
                    + "A fit is reused for the same asOf for up to 10 minutes.")
    @APIResponse(responseCode = "200", description = "The CLV figures")
    public Views.Clv clv(@QueryParam("asOf") @Parameter(description = "Default today (UTC)") String asOf,
                         @QueryParam("horizonMonths") @Parameter(description = "Default 12") String horizonMonths) {
        return clv.clv(DateRange.dateOr("asOf", asOf, today()), whole("horizonMonths", horizonMonths, 12));
    }

    @GET
    @Path("/feedback")
    @Operation(summary = "NPS, CSAT, CLI and share-of-wallet scores of the feedback received in a date range")
    @APIResponse(responseCode = "200", description = "The scores")
    public Views.Feedback feedback(@QueryParam("from") @Parameter(required = true) String from,
                                   @QueryParam("to") @Parameter(required = true) String to) {
        return analytics.feedback(DateRange.of(from, to));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static int whole(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Problems.ValidationFailed(field, "must be a whole number");
        }
    }
}
