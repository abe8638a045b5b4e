package cn.bqw.village.division;

import cn.bqw.platform.api.Versions;
import cn.bqw.platform.audit.AuditTrail;
import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/divisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DivisionResource {

    @Inject
    DivisionService divisions;

    @POST
    @Requires(Permission.DIVISION_REGISTER)
    @Operation(summary = "Register a province, city, county or township")
    @APIResponse(
            responseCode = "201",
            description = "registered; Location and ETag name it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DivisionView.class)))
    public Response register(@NotNull @Valid DivisionRequest request) {
        DivisionView created = divisions.register(request);
        return Response.created(UriBuilder.fromPath("/api/v1/divisions/{code}").build(created.code()))
                .tag(Versions.tag(created.version()))
                .entity(created)
                .build();
    }

    @PUT
    @Requires(Permission.DIVISION_UPDATE)
    @Path("/{code}")
    @Operation(summary = "Change a division's names, county class, urban flag or population (If-Match with its ETag)")
    public RestResponse<DivisionView> update(
            @PathParam("code") String code,
            @NotNull @Valid DivisionRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Versions.tagged(divisions.update(code, request, ifMatch));
    }

    @DELETE
    @Requires(Permission.DIVISION_DELETE)
    @Path("/{code}")
    @Operation(summary = "Delete a division registered by mistake: only one with nothing below it (If-Match)")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        divisions.delete(code, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Requires(Permission.DIVISION_LIST)
    @Operation(summary = "The divisions directly below a parent (the roots of the tree without one)")
    public List<DivisionView> children(@QueryParam("parent") String parent) {
        return divisions.children(parent);
    }

    @GET
    @Requires(Permission.DIVISION_ANCESTORS)
    @Path("/{code}/ancestors")
    @Operation(summary = "The divisions above one, from the root down")
    public List<DivisionView> ancestors(@PathParam("code") String code) {
        return divisions.ancestors(code);
    }

    @GET
    @Requires(Permission.DIVISION_SUMMARY)
    @Path("/{code}/summary")
    @Operation(summary = "Townships, active villages and their resident population below a division")
    public DivisionService.Summary summary(@PathParam("code") String code) {
        return divisions.summary(code);
    }

    @GET
    @Requires(Permission.DIVISION_HISTORY)
    @Path("/{code}/history")
    @Operation(summary = "Every change to the division: who, when, before and after")
    public List<AuditTrail.Entry> history(@PathParam("code") String code) {
        return divisions.history(code);
    }

    @GET
    @Requires(Permission.DIVISION_READ)
    @Path("/{code}")
    @Operation(summary = "One division")
    public RestResponse<DivisionView> get(@PathParam("code") String code) {
        return Versions.tagged(divisions.get(code));
    }
}
