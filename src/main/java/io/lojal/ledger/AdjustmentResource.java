package io.lojal.ledger;

import io.lojal.common.IdempotencyService;
import io.lojal.common.Reply;
import io.lojal.security.Roles;
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

@Path("/v1/members/{id}/adjustments")
@Tag(name = "Members")
@RolesAllowed(Roles.ADMIN)
public class AdjustmentResource {

    @Inject
    AdjustmentService adjustments;

    @Inject
    IdempotencyService idempotency;

    @POST
    @Operation(summary = "Adjust a member's points", description = "An ADJUST ledger entry; negative adjustments may take the balance below zero.")
    @APIResponse(responseCode = "201", description = "The new ledger entry", content = @Content(schema = @Schema(implementation = TransactionView.class)))
    @APIResponse(responseCode = "404", description = "`not-found`: no such member")
    @APIResponse(responseCode = "409", description = "`idempotency-in-progress`")
    @APIResponse(responseCode = "422", description = "`member-inactive`: the member is closed; `idempotency-key-reuse`")
    public Response adjust(@PathParam("id") String memberId, @Valid @NotNull AdjustmentRequest request,
                           @HeaderParam(IdempotencyService.HEADER) @Parameter(in = ParameterIn.HEADER, required = true,
                                   description = "1–255 characters") String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /v1/members/" + memberId + "/adjustments", request,
                () -> Reply.created(adjustments.adjust(memberId, request), null)).toResponse();
    }
}
