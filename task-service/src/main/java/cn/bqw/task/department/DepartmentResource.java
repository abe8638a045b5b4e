package cn.bqw.task.department;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/departments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DepartmentResource {

    @Inject
    DepartmentService departments;

    @POST
    @Requires(Permission.DEPARTMENT_REGISTER)
    @Operation(summary = "Register a department of a region (市农业农村局, a county's bureau, …)")
    public Response register(@NotNull @Valid DepartmentRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(departments.register(request))
                .build();
    }

    @GET
    @Requires(Permission.DEPARTMENT_LIST)
    @Operation(summary = "The departments of a region (default: all), by code")
    public List<DepartmentView> list(
            @QueryParam("region") @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code")
                    String region) {
        return departments.list(region);
    }
}
