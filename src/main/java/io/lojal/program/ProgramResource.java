package io.lojal.program;

import io.lojal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/program")
@Tag(name = "Program", description = "The loyalty program's configuration")
public class ProgramResource {

    @Inject
    ProgramService programs;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MERCHANT})
    @Operation(summary = "Read the program configuration")
    public ProgramSettings get() {
        return programs.current();
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the program configuration")
    public ProgramSettings put(@Valid @NotNull ProgramSettings request) {
        return programs.replace(request);
    }
}
