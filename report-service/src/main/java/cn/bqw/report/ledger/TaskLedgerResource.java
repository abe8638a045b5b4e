package cn.bqw.report.ledger;

import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import cn.bqw.report.export.CsvExport;
import cn.bqw.report.export.XlsxExport;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The 督办 ledger among the reports: JSON, {@code text/csv} or XLSX as the {@code Accept} header asks. */
@Path("/api/v1/reports/tasks")
@Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE, XlsxExport.MEDIA_TYPE})
public class TaskLedgerResource {

    @Inject
    TaskLedgerService ledger;

    @GET
    @Requires(Permission.REPORT_TASKS)
    @Operation(
            summary = "The 督办 view of a region (default: the root): its tasks by status and campaign, each lead"
                    + " department's on-time rate, the overdue list by days overdue, and every task with its figure"
                    + " (an indicator's live figure against its target for the tasks that follow one)")
    public TaskLedger tasks(
            @QueryParam("region") @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code")
                    String region) {
        return ledger.ledger(region);
    }
}
