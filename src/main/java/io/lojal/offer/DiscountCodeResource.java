package io.lojal.offer;

import io.lojal.member.MemberService;
import io.lojal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/discount-codes/{code}")
@Tag(name = "Offers")
@RolesAllowed({Roles.MERCHANT, Roles.ADMIN})
public class DiscountCodeResource {

    @Inject
    DiscountCodes codes;

    @Inject
    MemberService members;

    @POST
    @Path("/validate")
    @Operation(summary = "Check a code at checkout", description = "Writes nothing. PERCENT: floor(orderAmount × value / 100); "
            + "AMOUNT: min(value, orderAmount).")
    @APIResponse(responseCode = "200", description = "Whether the code applies, for how much, or why not")
    @APIResponse(responseCode = "404", description = "`not-found`: no such code or member")
    public CodeCheck validate(@PathParam("code") String code, @Valid @NotNull CodeCheckRequest request) {
        return codes.validate(code, members.resolve(request), request.orderAmount());
    }

    @POST
    @Path("/redeem")
    @Operation(summary = "Use a code for an order", description = "Single use: of two racing redemptions exactly one wins. "
            + "Redeeming again for the same order answers the same.")
    @APIResponse(responseCode = "200", description = "The discount taken off the order")
    @APIResponse(responseCode = "404", description = "`not-found`: no such code or member")
    @APIResponse(responseCode = "422", description = "`code-not-owned`, `code-already-used`, `code-expired`")
    public CodeRedemption redeem(@PathParam("code") String code, @Valid @NotNull CodeRedeemRequest request) {
        return codes.redeem(code, members.resolve(request), request.orderId(), request.orderAmount());
    }
}
