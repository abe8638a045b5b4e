package cn.bqw.village.republishing;

import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/admin/republish")
@Produces(MediaType.APPLICATION_JSON)
public class RepublishResource {

    @Inject
    Republisher republisher;

    @POST
    @Requires(Permission.REPUBLISH)
    @Operation(summary = "Publish the current state of every division and village again, for a new consumer")
    public Republisher.Republished republish() {
        return republisher.republishAll();
    }
}
