package io.lojal.earn.rules;

import io.lojal.common.Page;
import io.lojal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/earn-rules")
@Tag(name = "Earn rules", description = "How orders earn points: SPEND, MULTIPLIER and BONUS rules")
public class EarnRuleResource {

    @Inject
    EarnRuleService rules;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MERCHANT})
    @Operation(summary = "List the earn rules, newest first", description = "A program has few rules: they come on one page.")
    public Page<EarnRule> list() {
        return new Page<>(rules.current(), null);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MERCHANT})
    @Operation(summary = "Read an earn rule")
    @APIResponse(responseCode = "200", description = "The rule")
    @APIResponse(responseCode = "404", description = "`not-found`: no such rule")
    public EarnRule get(@PathParam("id") String id) {
        return rules.get(id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create an earn rule")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the rule",
            content = @Content(schema = @Schema(implementation = EarnRule.class)))
    public Response create(@Valid @NotNull EarnRuleRequest request) {
        EarnRule rule = rules.create(request);
        return Response.created(URI.create("/v1/earn-rules/" + rule.id())).entity(rule).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace an earn rule")
    @APIResponse(responseCode = "200", description = "The replaced rule")
    @APIResponse(responseCode = "404", description = "`not-found`: no such rule")
    public EarnRule replace(@PathParam("id") String id, @Valid @NotNull EarnRuleRequest request) {
        return rules.replace(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete an earn rule", description = "Orders earned before keep their points.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "`not-found`: no such rule")
    public void delete(@PathParam("id") String id) {
        rules.delete(id);
    }
}
