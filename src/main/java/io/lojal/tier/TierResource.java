package io.lojal.tier;

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

@Path("/v1/tiers")
@Tag(name = "Tiers", description = "The tier ladder: thresholds of qualifying points and earn multipliers")
public class TierResource {

    @Inject
    TierService tiers;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MERCHANT})
    @Operation(summary = "List the tiers, by rank", description = "A program has few tiers: they come on one page, entry tier first.")
    public Page<Tier> list() {
        return new Page<>(tiers.ladder().tiers(), null);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.MERCHANT})
    @Operation(summary = "Read a tier")
    @APIResponse(responseCode = "200", description = "The tier")
    @APIResponse(responseCode = "404", description = "`not-found`: no such tier")
    public Tier get(@PathParam("code") String code) {
        return tiers.get(code);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a tier", description = "Codes and ranks are unique and thresholds rise with rank.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the tier", content = @Content(schema = @Schema(implementation = Tier.class)))
    public Response create(@Valid @NotNull TierRequest request) {
        Tier tier = tiers.create(request);
        return Response.created(URI.create("/v1/tiers/" + tier.code())).entity(tier).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a tier", description = "The ladder must stay valid; the entry tier keeps rank 0.")
    @APIResponse(responseCode = "200", description = "The replaced tier")
    @APIResponse(responseCode = "404", description = "`not-found`: no such tier")
    @APIResponse(responseCode = "409", description = "`entry-tier-required`: the entry tier would lose rank 0")
    public Tier replace(@PathParam("code") String code, @Valid @NotNull TierRequest request) {
        return tiers.replace(code, request);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a tier", description = "Its members move at once to the highest remaining tier whose threshold they meet.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "`not-found`: no such tier")
    @APIResponse(responseCode = "409", description = "`entry-tier-required`: the rank-0 entry tier cannot be deleted")
    public void delete(@PathParam("code") String code) {
        tiers.delete(code);
    }
}
