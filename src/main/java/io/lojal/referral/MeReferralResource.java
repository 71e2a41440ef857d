package io.lojal.referral;

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

@Path("/v1/me/referral-code")
@Tag(name = "Me")
@RolesAllowed(Roles.MEMBER)
public class MeReferralResource {

    @Inject
    ReferralService referrals;

    @Inject
    MemberService members;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The calling member's own referral code, made on the first call")
    @APIResponse(responseCode = "200", description = "The code")
    @APIResponse(responseCode = "404", description = "`not-found`: no member is enrolled for the token's subject")
    @APIResponse(responseCode = "422", description = "`member-inactive`: the member is not active")
    public ReferralCodeView own() {
        return referrals.own(members.bySubject(caller.subject()), caller.subject());
    }
}
