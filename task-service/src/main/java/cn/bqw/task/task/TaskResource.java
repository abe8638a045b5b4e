package cn.bqw.task.task;

import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskService tasks;

    @POST
    @Requires(Permission.TASK_REGISTER)
    @Operation(
            summary = "Register a task: lead and cooperating departments, dates, milestones, measure; a county"
                    + " subtask names its parent and its allocation")
    public Response register(@NotNull @Valid TaskRequest request) {
        TaskView created = tasks.register(request);
        return Response.created(UriBuilder.fromPath("/api/v1/tasks/{code}").build(created.code()))
                .entity(created)
                .build();
    }

    @GET
    @Requires(Permission.TASK_LIST)
    @Operation(summary = "Tasks of a region's subtree (default: all), of a status (default: any), by code")
    public List<TaskView> list(
            @QueryParam("region") @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code")
                    String region,
            @QueryParam("status")
                    @Pattern(
                            regexp = "NOT_STARTED|ON_SCHEDULE|BEHIND|OVERDUE|DONE",
                            message = "must be NOT_STARTED, ON_SCHEDULE, BEHIND, OVERDUE or DONE")
                    String status) {
        return tasks.list(region, status);
    }

    @GET
    @Requires(Permission.TASK_READ)
    @Path("/{code}")
    @Operation(summary = "A task with its milestones, figure reached and status (light and working)")
    public TaskView read(@PathParam("code") String code) {
        return tasks.read(code);
    }
}
