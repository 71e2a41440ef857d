package io.lojal.analytics;

import io.lojal.common.Problems;
import io.lojal.member.MemberService;
import io.lojal.security.Caller;
import io.lojal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Survey answers the member gives in the app. */
@Path("/v1/me/feedback")
@Tag(name = "Me")
@RolesAllowed(Roles.MEMBER)
public class MeFeedbackResource {

    @Inject
    FeedbackService feedback;

    @Inject
    MemberService members;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Record the calling member's feedback")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = FeedbackService.Received.class)))
    @APIResponse(responseCode = "404", description = "`not-found`: no member is enrolled for the token's subject")
    public Response mine(@Valid @NotNull FeedbackRequest request) {
        if (request.memberId() != null || request.externalId() != null) {
            throw new Problems.ValidationFailed("memberId", "the member is the token's; leave memberId and externalId out");
        }
        return Response.status(201).entity(feedback.record(members.bySubject(caller.subject()), request)).build();
    }
}
