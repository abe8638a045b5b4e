package cn.bqw.report.operations;

import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Operations on the projection itself, for admins. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

    @Inject
    DriftCheck driftCheck;

    @Inject
    Rebuild rebuild;

    @POST
    @Requires(Permission.DRIFT_CHECK)
    @Path("/drift-check")
    @Operation(summary = "Recompute every aggregate from the projection's facts and list each stored row that differs")
    public DriftReport driftCheck() {
        return driftCheck.run();
    }

    @POST
    @Requires(Permission.REBUILD_START)
    @Path("/rebuild")
    @Operation(
            summary = "Replay the topics from the start into fresh tables and switch over to them; reads are served"
                    + " from the live tables meanwhile (202, then follow GET /rebuild)")
    public Response startRebuild(
            @QueryParam("passOverDeadLetters")
                    @Parameter(
                            description = "pass over an event that cannot be applied if it is already in its topic's"
                                    + " dead letters (listed in the status); otherwise such an event fails the rebuild")
                    Boolean passOverDeadLetters) {
        return Response.accepted(rebuild.start(Boolean.TRUE.equals(passOverDeadLetters)))
                .build();
    }

    @GET
    @Requires(Permission.REBUILD_STATUS)
    @Path("/rebuild")
    @Operation(summary = "Where the last rebuild stands")
    public RebuildStatus rebuild() {
        return rebuild.status();
    }
}
