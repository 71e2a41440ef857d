package io.lojal.tier;

import io.lojal.member.Member;
import io.lojal.member.MemberService;
import io.lojal.security.Caller;
import io.lojal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/me/tier")
@Tag(name = "Me")
@RolesAllowed(Roles.MEMBER)
public class MeTierResource {

    @Inject
    MemberService members;

    @Inject
    TierService tiers;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The calling member's tier, qualifying points, next tier and tier history")
    @APIResponse(responseCode = "200", description = "The member's tier")
    @APIResponse(responseCode = "404", description = "`not-found`: no member is enrolled for the token's subject")
    public MemberTierView get() {
        Member member = members.bySubject(caller.subject());
        return tiers.memberTier(member.id, member.tierCode, member.tierValidUntil);
    }
}
