package cn.bqw.report.approval;

import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/v1/reports/approvals}: which divisions below a region have had their figures approved. */
@Path("/api/v1/reports/approvals")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalProgressResource {

    @Inject
    ApprovalProgressService progress;

    @GET
    @Requires(Permission.REPORT_APPROVALS)
    @Operation(
            summary = "Approval progress of the divisions directly below a region for a period: per campaign the"
                    + " units in each state and the share approved, and each unit's state")
    public ApprovalProgress progress(
            @QueryParam("region") @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code")
                    String region,
            @QueryParam("period") @NotNull String period) {
        return progress.progress(region, period);
    }
}
