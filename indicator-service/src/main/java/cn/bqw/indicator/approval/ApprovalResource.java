package cn.bqw.indicator.approval;

import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The approval workflow of a (region, period, campaign): submit (the region's editor), approve or
 * return (an approver of the division above), accept (the city, for a county's figures).
 */
@Path("/api/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    @Inject
    ApprovalService approvals;

    @POST
    @Requires(Permission.APPROVAL_SUBMIT)
    @Path("/{region}/{period}/{campaign}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a region's figures of a period and campaign for approval (from OPEN or RETURNED)")
    public ApprovalView submit(@BeanParam ApprovalUnitPath unit, @Valid ApprovalStepRequest request) {
        return step(unit, ApprovalStep.SUBMIT, request);
    }

    @POST
    @Requires(Permission.APPROVAL_APPROVE)
    @Path("/{region}/{period}/{campaign}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Approve submitted figures; they are locked until returned. A county's need every township's"
                    + " approved first")
    public ApprovalView approve(@BeanParam ApprovalUnitPath unit, @Valid ApprovalStepRequest request) {
        return step(unit, ApprovalStep.APPROVE, request);
    }

    @POST
    @Requires(Permission.APPROVAL_ACCEPT)
    @Path("/{region}/{period}/{campaign}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept a county's approved figures as final (the city)")
    public ApprovalView accept(@BeanParam ApprovalUnitPath unit, @Valid ApprovalStepRequest request) {
        return step(unit, ApprovalStep.ACCEPT, request);
    }

    @POST
    @Requires(Permission.APPROVAL_RETURN)
    @Path("/{region}/{period}/{campaign}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return submitted, approved or accepted figures with a reason; they are writable again")
    public ApprovalView sendBack(@BeanParam ApprovalUnitPath unit, @Valid ApprovalStepRequest request) {
        return step(unit, ApprovalStep.RETURN, request);
    }

    @GET
    @Requires(Permission.APPROVAL_LIST)
    @Operation(
            summary = "The approval state of the divisions directly below a region for a period, by campaign"
                    + " (OPEN where nothing was submitted); filter by campaign and state")
    public List<ApprovalView> children(
            @QueryParam("region") String region,
            @QueryParam("period") String period,
            @QueryParam("campaign") String campaign,
            @QueryParam("state") String state) {
        return approvals.children(region, period, campaign, state);
    }

    @GET
    @Requires(Permission.APPROVAL_READ)
    @Path("/{region}/{period}/{campaign}")
    @Operation(summary = "One unit's state and every step it went through: who, when, why")
    public ApprovalService.Detail detail(@BeanParam ApprovalUnitPath unit) {
        return approvals.detail(unit.region(), unit.period(), unit.campaign());
    }

    private ApprovalView step(ApprovalUnitPath unit, ApprovalStep step, ApprovalStepRequest request) {
        return approvals.step(
                unit.region(), unit.period(), unit.campaign(), step, request == null ? null : request.reason());
    }
}
