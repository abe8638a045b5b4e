package cn.bqw.task.progress;

import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A task's progress reports, under the task they report on. */
@Path("/api/v1/tasks/{code}/progress")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgressResource {

    @Inject
    ProgressService progress;

    @POST
    @Requires(Permission.PROGRESS_REPORT)
    @Operation(
            summary = "Report progress as the lead department: a dated note, the figure reached, evidence,"
                    + " milestones done (the same day again: a revision)")
    public Response report(@PathParam("code") String code, @NotNull @Valid ProgressRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(progress.report(code, request))
                .build();
    }

    @GET
    @Requires(Permission.PROGRESS_LIST)
    @Operation(summary = "A task's progress reports, newest first, every version")
    public List<ProgressView> progress(@PathParam("code") String code) {
        return progress.list(code);
    }
}
