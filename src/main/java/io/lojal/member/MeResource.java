package io.lojal.member;

import io.lojal.common.Page;
import io.lojal.common.PageRequest;
import io.lojal.ledger.TransactionView;
import io.lojal.member.dto.MemberView;
import io.lojal.security.Caller;
import io.lojal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The mobile app's view: the member is the token's subject (its externalId), never a path parameter. */
@Path("/v1/me")
@Tag(name = "Me", description = "The member's own view, with a member token")
@RolesAllowed(Roles.MEMBER)
public class MeResource {

    @Inject
    MemberService members;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The calling member: profile, points and tier")
    @APIResponse(responseCode = "200", description = "The member")
    @APIResponse(responseCode = "404", description = "`not-found`: no member is enrolled for the token's subject")
    public CompletionStage<MemberView> me() {
        return members.viewBySubject(caller.subject());
    }

    @GET
    @Path("/transactions")
    @Operation(summary = "The calling member's ledger entries, newest first")
    @APIResponse(responseCode = "200", description = "A page of ledger entries")
    @APIResponse(responseCode = "404", description = "`not-found`: no member is enrolled for the token's subject")
    public Page<TransactionView> transactions(@QueryParam("limit") @Parameter(description = "1–200, default 50") String limit,
                                              @QueryParam("cursor") @Parameter(description = "`nextCursor` of the previous page") String cursor) {
        return members.transactions(members.bySubject(caller.subject()), PageRequest.of(limit, cursor));
    }
}
