package io.lojal.earn;

import io.lojal.common.IdempotencyService;
import io.lojal.common.Reply;
import io.lojal.earn.dto.RefundRequest;
import io.lojal.earn.dto.RefundResult;
import io.lojal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/refunds")
@Tag(name = "Earn")
@RolesAllowed({Roles.MERCHANT, Roles.ADMIN})
public class RefundResource {

    @Inject
    RefundService refunds;

    @Inject
    IdempotencyService idempotency;

    @POST
    @Operation(summary = "Refund (part of) an order and claw back its points",
            description = "Clawed back in proportion: floor(earned × refundedSoFar / orderAmount) minus what earlier refunds took. "
                    + "The balance may go below zero.")
    @APIResponse(responseCode = "201", description = "Refund recorded", content = @Content(schema = @Schema(implementation = RefundResult.class)))
    @APIResponse(responseCode = "404", description = "`not-found`: no earn for this orderId")
    @APIResponse(responseCode = "409", description = "`idempotency-in-progress`")
    @APIResponse(responseCode = "422", description = "`refund-exceeds-order`: refunds of the order would exceed its amount; "
            + "`idempotency-key-reuse`")
    public Response refund(@Valid @NotNull RefundRequest request,
                           @HeaderParam(IdempotencyService.HEADER) @Parameter(in = ParameterIn.HEADER, required = true,
                                   description = "1–255 characters") String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /v1/refunds", request,
                () -> Reply.created(refunds.refund(request), null)).toResponse();
    }
}
