package io.lojal.offer;

import io.lojal.common.IdempotencyService;
import io.lojal.common.Page;
import io.lojal.common.Reply;
import io.lojal.member.Member;
import io.lojal.member.MemberService;
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

@Path("/v1/members/{id}/offers")
@Tag(name = "Offers")
@RolesAllowed({Roles.MERCHANT, Roles.ADMIN})
public class MemberOfferResource {

    @Inject
    MemberService members;

    @Inject
    OfferService offers;

    @Inject
    IdempotencyService idempotency;

    @GET
    @Operation(summary = "The offers a member may claim now", description = "Eligible, open (early access counts) and not used up.")
    @APIResponse(responseCode = "200", description = "The offers, on one page")
    @APIResponse(responseCode = "404", description = "`not-found`: no such member")
    public Page<Offer> claimable(@PathParam("id") String id) {
        return new Page<>(offers.claimable(members.byId(id)), null);
    }

    @POST
    @Path("/{offerId}/claim")
    @Operation(summary = "Claim an offer for a member", description = "Issues a unique, single-use code bound to the member, valid until the offer ends.")
    @APIResponse(responseCode = "201", description = "The code", content = @Content(schema = @Schema(implementation = DiscountCodeView.class)))
    @APIResponse(responseCode = "404", description = "`not-found`: no such member or offer")
    @APIResponse(responseCode = "409", description = "`idempotency-in-progress`")
    @APIResponse(responseCode = "422", description = "`offer-not-eligible`: not for this member, or not now; "
            + "`offer-limit-reached`: the member's or the offer's limit is reached; `idempotency-key-reuse`")
    public Response claim(@PathParam("id") String id, @PathParam("offerId") String offerId,
                          @HeaderParam(IdempotencyService.HEADER) @Parameter(in = ParameterIn.HEADER, required = true,
                                  description = "1–255 characters") String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /v1/members/" + id + "/offers/" + offerId + "/claim", null, () -> {
            Member member = members.byId(id);
            return Reply.created(offers.claim(member, offerId), null);
        }).toResponse();
    }
}
