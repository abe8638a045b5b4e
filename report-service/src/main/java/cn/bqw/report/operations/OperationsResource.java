package cn.bqw.report.operations;

import cn.bqw.platform.security.CurrentActor;
import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import cn.bqw.report.aggregate.ClosedYears;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Operations on the projection itself, for admins. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

    @Inject
    DriftChecks driftChecks;

    @Inject
    Rebuild rebuild;

    @Inject
    ClosedYears closedYears;

    @Inject
    CurrentActor currentActor;

    @POST
    @Requires(Permission.DRIFT_CHECK)
    @Path("/drift-check")
    @Operation(
            summary = "Recompute every aggregate from the projection's facts and list each stored row that differs"
                    + " (202, then follow GET /drift-check; 409 while one runs)")
    @APIResponseSchema(value = DriftCheckStatus.class, responseCode = "202", responseDescription = "started")
    public Response startDriftCheck() {
        return Response.accepted(driftChecks.start())
                .location(URI.create("/api/v1/admin/drift-check"))
                .build();
    }

    @GET
    @Requires(Permission.DRIFT_CHECK_STATUS)
    @Path("/drift-check")
    @Operation(summary = "Where the last drift check stands, with its report once it is done")
    public DriftCheckStatus driftCheck() {
        return driftChecks.status();
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

    @POST
    @Requires(Permission.YEAR_CLOSE)
    @Path("/closed-years/{year}")
    @Operation(
            summary = "Close a year that is over: copy its facts, aggregates and approval units, from which a rebuild"
                    + " starts instead of replaying the year's values and approval steps (again: a new copy)")
    public ClosedYears.ClosedYear closeYear(@PathParam("year") String year) {
        return closedYears.close(year, currentActor.name());
    }

    @DELETE
    @Requires(Permission.YEAR_REOPEN)
    @Path("/closed-years/{year}")
    @Operation(summary = "Open a closed year again: its copy is dropped and every later rebuild replays the year (204)")
    public void reopenYear(@PathParam("year") String year) {
        closedYears.reopen(year, currentActor.name());
    }

    @GET
    @Requires(Permission.CLOSED_YEARS)
    @Path("/closed-years")
    @Operation(
            summary = "The closed years, each with its copy's size and whether it is current (no value or approval"
                    + " step of the year applied since)")
    public List<ClosedYears.ClosedYear> closedYears() {
        return closedYears.list();
    }

    @GET
    @Requires(Permission.REBUILD_STATUS)
    @Path("/rebuild")
    @Operation(summary = "Where the last rebuild stands")
    public RebuildStatus rebuild() {
        return rebuild.status();
    }
}
