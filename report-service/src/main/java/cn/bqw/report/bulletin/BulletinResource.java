package cn.bqw.report.bulletin;

import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import cn.bqw.report.export.CsvExport;
import cn.bqw.report.export.XlsxExport;
import cn.bqw.report.reporting.RegionReport;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** Bulletins (通报): publish an edition, list a region's, read one as JSON, as its exact content or as a printable page. */
@Path("/api/v1/bulletins")
public class BulletinResource {

    @Inject
    BulletinService bulletins;

    @POST
    @Requires(Permission.BULLETIN_PUBLISH)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Publish an edition for a region, year and as-of month: its report (and, for the city, rankings"
                    + " and gaps) frozen with a SHA-256; numbered per region and year; a correction names the edition"
                    + " it corrects")
    public RestResponse<BulletinView> publish(@NotNull @Valid BulletinRequest request) {
        BulletinView published = bulletins.publish(request);
        return RestResponse.ResponseBuilder.<BulletinView>created(
                        java.net.URI.create("/api/v1/bulletins/" + published.id()))
                .entity(published)
                .build();
    }

    @GET
    @Requires(Permission.BULLETIN_LIST)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A region's editions, newest first, without their content")
    public List<BulletinView> list(
            @QueryParam("region") @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code")
                    String region,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return bulletins.list(region, year);
    }

    @GET
    @Requires(Permission.BULLETIN_READ)
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "One edition with its content; as text/html a printable A4 page, as text/csv or XLSX the"
                    + " published report's table")
    public BulletinView get(@PathParam("id") long id) {
        return bulletins.get(id);
    }

    @GET
    @Requires(Permission.BULLETIN_READ)
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public String page(@PathParam("id") long id) {
        return BulletinPage.html(bulletins.get(id));
    }

    @GET
    @Requires(Permission.BULLETIN_READ)
    @Path("/{id}")
    @Produces({CsvExport.MEDIA_TYPE, XlsxExport.MEDIA_TYPE})
    public RegionReport sheet(@PathParam("id") long id) {
        return bulletins.publishedReport(id);
    }

    @GET
    @Requires(Permission.BULLETIN_CHANGES)
    @Path("/{id}/changes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Every figure that differs now from the edition (published and current value, status then and"
                    + " now) with the revisions behind it, and every county whose score or rank moved")
    public BulletinChanges changes(@PathParam("id") long id) {
        return bulletins.changes(id);
    }

    @GET
    @Requires(Permission.BULLETIN_CONTENT)
    @Path("/{id}/content")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The edition's content exactly as published: the bytes its SHA-256 is of")
    public String content(@PathParam("id") long id) {
        return bulletins.content(id);
    }
}
