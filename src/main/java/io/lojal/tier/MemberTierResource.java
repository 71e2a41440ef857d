package io.lojal.tier;

import io.lojal.member.Member;
import io.lojal.member.MemberService;
import io.lojal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/members/{id}/tier")
@Tag(name = "Tiers")
@RolesAllowed({Roles.MERCHANT, Roles.ADMIN})
public class MemberTierResource {

    @Inject
    MemberService members;

    @Inject
    TierService tiers;

    @GET
    @Operation(summary = "A member's tier, qualifying points, the next tier and the tier history")
    @APIResponse(responseCode = "200", description = "The member's tier")
    @APIResponse(responseCode = "404", description = "`not-found`: no such member")
    public MemberTierView get(@PathParam("id") String id) {
        Member member = members.byId(id);
        return tiers.memberTier(member.id, member.tierCode, member.tierValidUntil);
    }
}
