package cn.bqw.report.dashboard;

import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The dashboard's settings, read once by the page: it is static and knows only report-service. */
@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    DashboardConfig config;

    @GET
    @Requires(Permission.DASHBOARD_SETTINGS)
    @Path("/settings")
    @Operation(summary = "Where the dashboard takes approval steps (indicator-service as the browser reaches it)")
    public DashboardSettings settings() {
        return new DashboardSettings(config.indicatorService());
    }
}
