package io.lojal.member;
import io.lojal.common.Page;
import io.lojal.common.PageRequest;
import io.lojal.ledger.TransactionView;
import io.lojal.member.dto.EnrolMember;
import io.lojal.member.dto.MemberPatch;
import io.lojal.member.dto.MemberView;
import io.lojal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/members")
@Tag(name = "Members", description = "Enrolment, profile, erasure and a member's history")
@RolesAllowed({Roles.MERCHANT, Roles.ADMIN})
public class MemberResource {

    @Inject
    MemberService members;

    @POST
    @Operation(summary = "Enrol a member", description = "New members start in the entry tier with no points.")
    @APIResponse(responseCode = "201", description = "Enrolled; `Location` names the member",
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "409", description = "`member-exists`: a member with this externalId exists")
    @APIResponse(responseCode = "422", description = "`invalid-referral-code`: no such referral code")
    public Response enrol(@Valid @NotNull EnrolMember request) {
        MemberView member = members.enrol(request);
        return Response.created(URI.create("/v1/members/" + member.id())).entity(member).build();
    }

    @GET
    @Operation(summary = "List members, or find one by externalId",
            description = "With `externalId`: a list of 0 or 1 member. Without: all members, newest enrolment first.")
    public Page<MemberView> list(@QueryParam("externalId") @Parameter(description = "The webshop's customer id") String externalId,
                                 @QueryParam("limit") @Parameter(description = "1–200, default 50") String limit,
                                 @QueryParam("cursor") @Parameter(description = "`nextCursor` of the previous page") String cursor) {
        return members.list(externalId, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a member")
    @APIResponse(responseCode = "200", description = "The member")
    @APIResponse(responseCode = "404", description = "`not-found`: no such member")
    public MemberView get(@PathParam("id") String id) {
        return members.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a member's profile or status",
            description = "JSON merge patch of email, name, birthDate, status (ACTIVE or SUSPENDED) and attributes.")
    @APIResponse(responseCode = "200", description = "The changed member")
    @APIResponse(responseCode = "404", description = "`not-found`: no such member")
    @APIResponse(responseCode = "422", description = "`member-inactive`: the member is closed")
    public MemberView patch(@PathParam("id") String id, @Valid @NotNull MemberPatch request) {
        return members.patch(id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Erase a member",
            description = "Personal data is erased, the status becomes CLOSED and remaining points are forfeited by a "
                    + "FORFEIT ledger entry. The ledger stays, anonymous. Erasing again changes nothing.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", description = "`not-found`: no such member")
    public void erase(@PathParam("id") String id) {
        members.erase(id);
    }

    @GET
    @Path("/{id}/transactions")
    @Operation(summary = "A member's ledger entries, newest first")
    @APIResponse(responseCode = "200", description = "A page of ledger entries")
    @APIResponse(responseCode = "404", description = "`not-found`: no such member")
    public Page<TransactionView> transactions(@PathParam("id") String id,
                                              @QueryParam("limit") @Parameter(description = "1–200, default 50") String limit,
                                              @QueryParam("cursor") @Parameter(description = "`nextCursor` of the previous page") String cursor) {
        return members.transactions(members.byId(id), PageRequest.of(limit, cursor));
    }
}
