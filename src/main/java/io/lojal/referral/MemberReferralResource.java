package io.lojal.referral;

import io.lojal.common.Page;
import io.lojal.common.PageRequest;
import io.lojal.member.MemberService;
import io.lojal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/members/{id}/referrals")
@Tag(name = "Referrals")
@RolesAllowed({Roles.MERCHANT, Roles.ADMIN})
public class MemberReferralResource {

    @Inject
    ReferralService referrals;

    @Inject
    MemberService members;

    @GET
    @Operation(summary = "The members a member referred, newest first, with each referral's status")
    @APIResponse(responseCode = "200", description = "A page of referrals")
    @APIResponse(responseCode = "404", description = "`not-found`: no such member")
    public Page<ReferralView> list(@PathParam("id") String id,
                                   @QueryParam("limit") @Parameter(description = "1–200, default 50") String limit,
                                   @QueryParam("cursor") @Parameter(description = "`nextCursor` of the previous page") String cursor) {
        return referrals.referralsOf(members.byId(id), PageRequest.of(limit, cursor));
    }
}
