package io.lojal.program;

import io.lojal.analytics.AnalyticsRefresh;
import io.lojal.analytics.ClvJob;
import io.lojal.common.Problems;
import io.lojal.ledger.ExpiryJob;
import io.lojal.tier.TierService;
import io.lojal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/admin/jobs")
@Tag(name = "Operations", description = "Scheduled jobs, run on demand")
@RolesAllowed(Roles.ADMIN)
public class JobResource {

    @Inject
    ExpiryJob expiry;

    @Inject
    TierService tiers;

    @Inject
    AnalyticsRefresh analytics;

    @Inject
    ClvJob clv;

    @Inject
    Clock clock;

    @Schema(name = "JobRun")
    public record JobRun(@Schema(example = "expire-points") String job, @Schema(example = "2026-03-01T00:00:00Z") Instant asOf,
                         @Schema(example = "1250", description = "How many items the job changed: lots expired, members moved, member histories rebuilt, or CLV estimates computed") long processed) {
    }

    @POST
    @Path("/{job}")
    @Operation(summary = "Run a scheduled job now", description = "`expire-points` writes an EXPIRE entry for every lot expired at "
            + "`asOf` (default now) that still holds points. `evaluate-tiers` moves every member to the tier its qualifying points "
            + "as of `asOf` reach: up at any time, down only after its tier's validUntil. Both are idempotent: a second run with "
            + "the same `asOf` changes nothing. `refresh-analytics` folds the orders, ledger entries and lot changes written "
            + "since its last run into the analytics read model (`asOf` is ignored); the analytics are exact without it, only slower. "
            + "`fit-clv` computes the CLV estimate of `asOf`'s day (UTC) for 12 months, and again every stored estimate of the "
            + "week before whose orders changed since.")
    @APIResponse(responseCode = "200", description = "The job ran to its end")
    @APIResponse(responseCode = "404", description = "`not-found`: no such job")
    public JobRun run(@PathParam("job") @Parameter(description = "expire-points, evaluate-tiers, refresh-analytics or fit-clv") String job,
                      @QueryParam("asOf") @Parameter(description = "ISO-8601 instant; default now", example = "2026-03-01T00:00:00Z") String asOf) {
        Instant at = parse(asOf);
        return switch (job) {
            case "expire-points" -> new JobRun(job, at, expiry.run(at));
            case "evaluate-tiers" -> new JobRun(job, at, tiers.evaluate(at));
            case "refresh-analytics" -> new JobRun(job, at, analytics.run().members());
            case "fit-clv" -> new JobRun(job, at, clv.run(LocalDate.ofInstant(at, ZoneOffset.UTC)));
            default -> throw new Problems.NotFound("No job '" + job + "'; there are expire-points, evaluate-tiers, refresh-analytics and fit-clv.");
        };
    }

    private Instant parse(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new Problems.ValidationFailed("asOf", "must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        }
    }
}
