package cn.bqw.village.division;

import cn.bqw.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/divisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DivisionResource {

    @Inject
    DivisionService divisions;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @Operation(summary = "Register a city, county or township")
    public Response register(@NotNull @Valid DivisionRequest request) {
        DivisionView created = divisions.register(request);
        return Response.created(UriBuilder.fromPath("/api/v1/divisions/{code}").build(created.code()))
                .tag(new EntityTag(Long.toString(created.version())))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One division")
    public Response get(@PathParam("code") String code) {
        DivisionView division = divisions.get(code);
        return Response.ok(division)
                .tag(new EntityTag(Long.toString(division.version())))
                .build();
    }
}
