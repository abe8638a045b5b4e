package cn.bqw.indicator.locking;

import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/locks")
@Produces(MediaType.APPLICATION_JSON)
public class LockResource {

    @Inject
    LockService locks;

    @POST
    @Requires(Permission.LOCK_CREATE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a period for some indicators (or all) in a region's subtree; only admins write into it")
    public RestResponse<LockView> lock(@NotNull @Valid LockRequest request) {
        LockView lock = locks.lock(request);
        return RestResponse.ResponseBuilder.<LockView>created(
                        UriBuilder.fromPath("/api/v1/locks/{id}").build(lock.id()))
                .entity(lock)
                .build();
    }

    @GET
    @Requires(Permission.LOCK_LIST)
    @Operation(summary = "The period locks")
    public List<LockView> list() {
        return locks.list();
    }

    @DELETE
    @Requires(Permission.LOCK_DELETE)
    @Path("/{id}")
    @Operation(summary = "Reopen a locked period")
    public RestResponse<Void> unlock(@PathParam("id") long id) {
        locks.unlock(id);
        return RestResponse.noContent();
    }
}
