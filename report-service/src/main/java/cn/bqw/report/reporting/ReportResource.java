package cn.bqw.report.reporting;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The reports leaders and other systems read; any role may read them. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    ReportService reports;

    @GET
    @Path("/overview")
    @Operation(
            summary = "The city's progress by campaign: for each indicator actual, target, progress, expected,"
                    + " status and its working")
    public RegionReport overview(@QueryParam("year") @NotNull Integer year, @QueryParam("asOf") String asOf) {
        return reports.overview(year, asOf);
    }

    @GET
    @Path("/regions/{code}")
    @Operation(summary = "The same report for any region")
    public RegionReport region(
            @PathParam("code") String code,
            @QueryParam("year") @NotNull Integer year,
            @QueryParam("asOf") String asOf) {
        return reports.region(code, year, asOf);
    }

    @GET
    @Path("/indicators/{code}")
    @Operation(summary = "One indicator over the regions below a parent (default: the city), and the parent's series")
    public IndicatorBreakdown indicator(
            @PathParam("code") String code,
            @QueryParam("year") @NotNull Integer year,
            @QueryParam("asOf") String asOf,
            @QueryParam("parent") String parent) {
        return reports.indicator(code, year, asOf, parent);
    }
}
