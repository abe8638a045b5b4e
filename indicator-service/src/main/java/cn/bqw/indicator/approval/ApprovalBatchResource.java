package cn.bqw.indicator.approval;

import cn.bqw.platform.importing.ImportSummary;
import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * One step for many units at once, as an approver works through a month (every submitted township
 * of a county, then the county): all or none, answered with an import summary whose conflicts say
 * which unit was refused and why. Each unit is held to the single step's rules.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalBatchResource {

    @Inject
    ApprovalService approvals;

    @POST
    @Requires(Permission.APPROVAL_SUBMIT_BATCH)
    @Path("/approvals:submit")
    @Operation(summary = "Submit many units' figures, all or none")
    public ImportSummary submit(@NotNull @Valid ApprovalBatchRequest request) {
        return approvals.steps(Permission.APPROVAL_SUBMIT_BATCH, request, ApprovalStep.SUBMIT);
    }

    @POST
    @Requires(Permission.APPROVAL_APPROVE_BATCH)
    @Path("/approvals:approve")
    @Operation(summary = "Approve many submitted units, in order (townships before their county), all or none")
    public ImportSummary approve(@NotNull @Valid ApprovalBatchRequest request) {
        return approvals.steps(Permission.APPROVAL_APPROVE_BATCH, request, ApprovalStep.APPROVE);
    }

    @POST
    @Requires(Permission.APPROVAL_ACCEPT_BATCH)
    @Path("/approvals:accept")
    @Operation(summary = "Accept many counties' approved figures, all or none")
    public ImportSummary accept(@NotNull @Valid ApprovalBatchRequest request) {
        return approvals.steps(Permission.APPROVAL_ACCEPT_BATCH, request, ApprovalStep.ACCEPT);
    }

    @POST
    @Requires(Permission.APPROVAL_RETURN_BATCH)
    @Path("/approvals:return")
    @Operation(summary = "Return many units with one reason, in order (a county before its townships), all or none")
    public ImportSummary sendBack(@NotNull @Valid ApprovalBatchRequest request) {
        return approvals.steps(Permission.APPROVAL_RETURN_BATCH, request, ApprovalStep.RETURN);
    }
}
