package cn.bqw.report.reporting;

import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import cn.bqw.report.aggregate.View;
import cn.bqw.report.export.CsvExport;
import cn.bqw.report.export.XlsxExport;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/reports")
/**
 * The reports leaders and other systems read; any role may read them. Every report also answers
 * {@code text/csv} and XLSX, as the {@code Accept} header asks, and takes {@code view=all} (the
 * default: every value as reported) or {@code view=official} (only approved values count).
 */
@Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE, XlsxExport.MEDIA_TYPE})
public class ReportResource {

    @Inject
    RegionReports reports;

    @Inject
    IndicatorBreakdowns breakdowns;

    @Inject
    Rankings rankings;

    @Inject
    GapReports gaps;

    @Inject
    CoverageReports coverage;

    @Inject
    VillageMaps villageMaps;

    @GET
    @Requires(Permission.REPORT_OVERVIEW)
    @Path("/overview")
    @Operation(
            summary = "The root region's progress by campaign: for each indicator actual, target, progress, expected,"
                    + " status and its working")
    public RegionReport overview(
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @QueryParam("asOf") String asOf,
            @QueryParam("view") @Pattern(regexp = "all|official", message = "must be all or official") String view) {
        return reports.overview(year, asOf, View.parse(view));
    }

    @GET
    @Requires(Permission.REPORT_REGION)
    @Path("/regions/{code}")
    @Operation(summary = "The same report for any region")
    public RegionReport region(
            @PathParam("code") @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code") String code,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @QueryParam("asOf") String asOf,
            @QueryParam("view") @Pattern(regexp = "all|official", message = "must be all or official") String view) {
        return reports.region(code, year, asOf, View.parse(view));
    }

    @GET
    @Requires(Permission.REPORT_INDICATOR)
    @Path("/indicators/{code}")
    @Operation(summary = "One indicator over the regions below a parent (default: the root), and the parent's series")
    public IndicatorBreakdown indicator(
            @PathParam("code") String code,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @QueryParam("asOf") String asOf,
            @QueryParam("parent") @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code")
                    String parent,
            @QueryParam("view") @Pattern(regexp = "all|official", message = "must be all or official") String view) {
        return breakdowns.indicator(code, year, asOf, parent, View.parse(view));
    }

    @GET
    @Requires(Permission.REPORT_RANKINGS)
    @Path("/rankings")
    @Operation(
            summary = "Scorecards of the divisions below a region (default: the root's; a province's"
                    + " cities, a city's counties, a county's townships): composite scores with per-indicator contributions, rank overall and within"
                    + " class, and the rank change since the previous month")
    public Ranking rankings(
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @QueryParam("asOf") String asOf,
            @QueryParam("class")
                    @Pattern(regexp = "LEAD|ADVANCE|STRENGTHEN", message = "must be LEAD, ADVANCE or STRENGTHEN")
                    String countyClass,
            @QueryParam("view") @Pattern(regexp = "all|official", message = "must be all or official") String view,
            @QueryParam("region") @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code")
                    String region) {
        return rankings.rankings(year, asOf, countyClass, View.parse(view), region);
    }

    @GET
    @Requires(Permission.REPORT_GAPS)
    @Path("/gaps")
    @Operation(summary = "Urban–rural gaps of a region (default: the root) and the divisions below it, and their trend")
    public Gaps gaps(
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @QueryParam("asOf") String asOf,
            @QueryParam("view") @Pattern(regexp = "all|official", message = "must be all or official") String view,
            @QueryParam("region") @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code")
                    String region) {
        return gaps.gaps(year, asOf, View.parse(view), region);
    }

    @GET
    @Requires(Permission.REPORT_COVERAGE)
    @Path("/coverage")
    @Operation(
            summary = "Villages by category, plan type and pilot programme, for a region (default: the root) and"
                    + " each division below it")
    public Coverage coverage(
            @QueryParam("region") @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code")
                    String region) {
        return coverage.coverage(region);
    }

    @GET
    @Requires(Permission.REPORT_VILLAGES)
    @Path("/villages")
    @Operation(
            summary =
                    "The active villages of a region (default: the root) with their coordinates, population,"
                            + " category and pilots, and each village's own figure and status for an indicator when one is named")
    public VillageMap villages(
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @QueryParam("asOf") String asOf,
            @QueryParam("region") @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code")
                    String region,
            @QueryParam("indicator") @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "must be an indicator code")
                    String indicator,
            @QueryParam("view") @Pattern(regexp = "all|official", message = "must be all or official") String view) {
        return villageMaps.villages(region, indicator, year, asOf, View.parse(view));
    }
}
