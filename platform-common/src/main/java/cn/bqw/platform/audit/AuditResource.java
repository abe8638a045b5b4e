package cn.bqw.platform.audit;

import cn.bqw.platform.api.Page;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/v1/audit}: this service's administrative acts, for admins. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AdminActs acts;

    @GET
    @Requires(Permission.AUDIT_READ)
    @Operation(
            summary = "Administrative acts, newest first: who, when, what, with a digest of the parameters;"
                    + " from and to are dates (UTC) or instants, to exclusive")
    public Page<AdminActs.Act> list(
            @QueryParam("action") @Pattern(regexp = "[a-z][a-z.-]{0,49}", message = "must be an action name")
                    String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(1000) int size) {
        return acts.list(action, instant("from", from), instant("to", to), page, size);
    }

    private static Instant instant(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date (2026-11-30) or an instant (2026-11-30T08:00:00Z)");
        }
    }
}
