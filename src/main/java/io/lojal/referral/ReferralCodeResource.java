package io.lojal.referral;

import io.lojal.member.MemberService;
import io.lojal.security.Caller;
import io.lojal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/referral-codes")
@Tag(name = "Referrals", description = "Referral codes, attribution and two-sided rewards")
@RolesAllowed({Roles.PARTNER, Roles.MERCHANT, Roles.ADMIN})
public class ReferralCodeResource {

    @Inject
    ReferralService referrals;

    @Inject
    MemberService members;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Issue a referral code for a member", description = "`source` is the calling token's subject.")
    @APIResponse(responseCode = "201", description = "The code; `Location` names its statistics",
            content = @Content(schema = @Schema(implementation = ReferralCodeView.class)))
    @APIResponse(responseCode = "404", description = "`not-found`: no such member")
    @APIResponse(responseCode = "422", description = "`member-inactive`: the referrer is not active")
    public Response issue(@Valid @NotNull ReferralCodeRequest request) {
        ReferralCodeView code = referrals.issue(members.resolve(request), caller.subject());
        return Response.created(URI.create("/v1/referral-codes/" + code.code())).entity(code).build();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "A referral code and how it did: members enrolled with it, referrals rewarded")
    @APIResponse(responseCode = "200", description = "The code's statistics")
    @APIResponse(responseCode = "404", description = "`not-found`: no such code")
    public ReferralCodeStats stats(@PathParam("code") String code) {
        return referrals.stats(code);
    }
}
