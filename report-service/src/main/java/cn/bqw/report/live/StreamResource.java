package cn.bqw.report.live;

import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The reports' live stream, for dashboards that redraw when the figures change. */
@Path("/api/v1/reports/stream")
public class StreamResource {

    @Inject
    LiveReports live;

    @Inject
    JsonWebToken token;

    @GET
    @Requires(Permission.REPORT_STREAM)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    // Blocking: a region named is looked up in the database before the stream opens.
    @Blocking
    @Operation(
            summary = "Server-sent events while the projection changes: REFRESH after applied events, STATUS for each"
                    + " indicator whose status changed for a region (default: the root) or a division below it")
    public Multi<LiveEvent> stream(
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @QueryParam("region") @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code")
                    String region) {
        return live.listen(year, region, token.getName(), Instant.ofEpochSecond(token.getExpirationTime()));
    }
}
