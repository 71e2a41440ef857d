package io.lojal.earn;

import io.lojal.common.IdempotencyService;
import io.lojal.common.Reply;
import io.lojal.earn.dto.EarnRequest;
import io.lojal.earn.dto.EarnResult;
import io.lojal.earn.dto.QuoteResult;
import io.lojal.security.Roles;
import io.micrometer.core.annotation.Timed;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/earn")
@Tag(name = "Earn", description = "Points for orders")
@RolesAllowed({Roles.MERCHANT, Roles.ADMIN})
public class EarnResource {

    @Inject
    EarnService earning;

    @POST
    @Timed(value = "lojal.earn", histogram = true,
            description = "Time to earn points for an order, from the idempotency check to the commit")
    @Operation(summary = "Earn points for an order",
            description = "Points = floor(spendSum × campaignFactor × tierMultiplier) + bonuses, itemised in `breakdown`. "
                    + "One earn per orderId. Retries with the same Idempotency-Key and body replay the first answer.")
    @APIResponse(responseCode = "201", description = "Points earned",
            content = @Content(schema = @Schema(implementation = EarnResult.class)),
            headers = @Header(name = Reply.REPLAYED_HEADER, description = "`true` when this is the stored answer of an earlier call",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN)))
    @APIResponse(responseCode = "404", description = "`not-found`: no such member")
    @APIResponse(responseCode = "409", description = "`duplicate-order`: the orderId has earned before; "
            + "`idempotency-in-progress`: a call with this key is still running")
    @APIResponse(responseCode = "422", description = "`currency-mismatch`, `member-inactive`, "
            + "`idempotency-key-reuse` (the key was used with another body)")
    public Response earn(@Valid @NotNull EarnRequest request,
                         @HeaderParam(IdempotencyService.HEADER) @Parameter(in = ParameterIn.HEADER, required = true,
                                 description = "1–255 characters, unique per call; reuse it only to retry the same call")
                         String idempotencyKey) {
        return earning.earn(idempotencyKey, request).toResponse();
    }

    @POST
    @Path("/quote")
    @Operation(summary = "Quote the points an order would earn", description = "The same computation as an earn; nothing is written.")
    @APIResponse(responseCode = "200", description = "The points and their breakdown")
    @APIResponse(responseCode = "404", description = "`not-found`: no such member")
    @APIResponse(responseCode = "422", description = "`currency-mismatch`, `member-inactive`")
    public QuoteResult quote(@Valid @NotNull EarnRequest request) {
        return earning.quote(request);
    }
}
