package io.lojal.analytics;

import io.lojal.member.MemberService;
import io.lojal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/members/{id}/clv")
@Tag(name = "Analytics")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.MERCHANT})
public class MemberClvResource {

    @Inject
    AnalyticsService analytics;

    @Inject
    ClvService clv;

    @Inject
    MemberService members;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "A member's value so far, and predicted: P(alive), expected orders and value over the horizon")
    @APIResponse(responseCode = "200", description = "The member's CLV")
    @APIResponse(responseCode = "404", description = "`not-found`: no such member")
    public Views.MemberClv get(@PathParam("id") String id,
                               @QueryParam("asOf") @Parameter(description = "Default today (UTC)") String asOf,
                               @QueryParam("horizonMonths") @Parameter(description = "Default 12") String horizonMonths) {
        return clv.memberClv(members.byId(id), DateRange.dateOr("asOf", asOf, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)),
                AnalyticsResource.whole("horizonMonths", horizonMonths, 12));
    }
}
