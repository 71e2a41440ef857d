package io.lojal.redeem;

import io.lojal.common.IdempotencyService;
import io.lojal.common.Reply;
import io.lojal.security.Roles;
import io.micrometer.core.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/redemptions")
@Tag(name = "Redemptions", description = "Spending points")
@RolesAllowed({Roles.MERCHANT, Roles.ADMIN})
public class RedemptionResource {

    @Inject
    RedemptionService redemptions;

    @Inject
    IdempotencyService idempotency;

    @POST
    @Timed(value = "lojal.redeem", description = "Time to redeem points, from the idempotency check to the commit",
            histogram = true)
    @Operation(summary = "Redeem points",
            description = "Takes points from the member's available balance; concurrent redemptions never overspend.")
    @APIResponse(responseCode = "201", description = "Redeemed", content = @Content(schema = @Schema(implementation = RedemptionView.class)))
    @APIResponse(responseCode = "404", description = "`not-found`: no such member")
    @APIResponse(responseCode = "409", description = "`idempotency-in-progress`")
    @APIResponse(responseCode = "422", description = "`insufficient-points`: fewer points available; "
            + "`redemption-rule-violation`: below minPoints or not a multiple of increment; `member-inactive`; `idempotency-key-reuse`")
    public Response redeem(@Valid @NotNull RedeemRequest request,
                           @HeaderParam(IdempotencyService.HEADER) @Parameter(in = ParameterIn.HEADER, required = true,
                                   description = "1–255 characters") String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /v1/redemptions", request,
                trip -> redemptions.begin(trip, request),
                begun -> Reply.created(redemptions.redeem(request, begun), null)).toResponse();
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a redemption", description = "The points come back to the member.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = RedemptionView.class)))
    @APIResponse(responseCode = "404", description = "`not-found`: no such redemption")
    @APIResponse(responseCode = "409", description = "`already-cancelled`; `idempotency-in-progress`")
    @APIResponse(responseCode = "422", description = "`member-inactive`: the member is closed; `idempotency-key-reuse`")
    public Response cancel(@PathParam("id") String id,
                           @HeaderParam(IdempotencyService.HEADER) @Parameter(in = ParameterIn.HEADER, required = true,
                                   description = "1–255 characters") String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /v1/redemptions/" + id + "/cancel", null,
                () -> Reply.ok(redemptions.cancel(id))).toResponse();
    }
}
