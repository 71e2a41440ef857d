package io.lojal.offer;

import io.lojal.common.IdempotencyService;
import io.lojal.common.Page;
import io.lojal.common.Reply;
import io.lojal.member.MemberService;
import io.lojal.security.Caller;
import io.lojal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

@Path("/v1/me/offers")
@Tag(name = "Me")
@RolesAllowed(Roles.MEMBER)
public class MeOfferResource {

    @Inject
    MemberService members;

    @Inject
    OfferService offers;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The offers the calling member may claim now")
    @APIResponse(responseCode = "200", description = "The offers, on one page")
    @APIResponse(responseCode = "404", description = "`not-found`: no member is enrolled for the token's subject")
    public Page<Offer> claimable() {
        return new Page<>(offers.claimable(members.bySubject(caller.subject())), null);
    }

    @POST
    @Path("/{offerId}/claim")
    @Operation(summary = "Claim an offer", description = "Issues a unique, single-use code bound to the calling member.")
    @APIResponse(responseCode = "201", description = "The code", content = @Content(schema = @Schema(implementation = DiscountCodeView.class)))
    @APIResponse(responseCode = "404", description = "`not-found`: no such offer, or no member for the token")
    @APIResponse(responseCode = "409", description = "`idempotency-in-progress`")
    @APIResponse(responseCode = "422", description = "`offer-not-eligible`, `offer-limit-reached`, `idempotency-key-reuse`")
    public Response claim(@PathParam("offerId") String offerId,
                          @HeaderParam(IdempotencyService.HEADER) @Parameter(in = ParameterIn.HEADER, required = true,
                                  description = "1–255 characters") String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /v1/me/offers/" + offerId + "/claim", null,
                () -> Reply.created(offers.claim(members.bySubject(caller.subject()), offerId), null)).toResponse();
    }
}
