package io.lojal.analytics;

import io.lojal.member.MemberService;
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

/** Survey answers sent by the webshop for a member. */
@Path("/v1/feedback")
@Tag(name = "Analytics")
@RolesAllowed({Roles.MERCHANT, Roles.ADMIN})
public class FeedbackResource {

    @Inject
    FeedbackService feedback;

    @Inject
    MemberService members;

    @POST
    @Operation(summary = "Record a member's feedback (NPS, CSAT, CLI or share of wallet)")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = FeedbackService.Received.class)))
    @APIResponse(responseCode = "404", description = "`not-found`: no such member")
    public Response record(@Valid @NotNull FeedbackRequest request) {
        return Response.status(201).entity(feedback.record(members.resolve(request), request)).build();
    }
}
