package io.lojal.offer;

import io.lojal.common.Page;
import io.lojal.common.PageRequest;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/offers")
@Tag(name = "Offers", description = "Exclusive member and tier discounts with single-use codes")
public class OfferResource {

    @Inject
    OfferService offers;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MERCHANT})
    @Operation(summary = "List offers, newest first")
    public Page<Offer> list(@QueryParam("limit") @Parameter(description = "1–200, default 50") String limit,
                            @QueryParam("cursor") @Parameter(description = "`nextCursor` of the previous page") String cursor) {
        return offers.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MERCHANT})
    @Operation(summary = "Read an offer")
    @APIResponse(responseCode = "200", description = "The offer")
    @APIResponse(responseCode = "404", description = "`not-found`: no such offer")
    public Offer get(@PathParam("id") String id) {
        return offers.get(id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create an offer", description = "No eligible tiers and no member ids: every active member may claim.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the offer", content = @Content(schema = @Schema(implementation = Offer.class)))
    public Response create(@Valid @NotNull OfferRequest request) {
        Offer offer = offers.create(request);
        return Response.created(URI.create("/v1/offers/" + offer.id())).entity(offer).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace an offer", description = "Codes already claimed keep their discount and expiry.")
    @APIResponse(responseCode = "200", description = "The replaced offer")
    @APIResponse(responseCode = "404", description = "`not-found`: no such offer")
    public Offer replace(@PathParam("id") String id, @Valid @NotNull OfferRequest request) {
        return offers.replace(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete an offer", description = "Codes already claimed stay valid until they expire.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "`not-found`: no such offer")
    public void delete(@PathParam("id") String id) {
        offers.delete(id);
    }
}
