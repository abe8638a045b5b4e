package cn.bqw.village.importing;

import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.api.MediaTypes;
import cn.bqw.platform.importing.ImportSummary;
import cn.bqw.platform.importing.RowReader;
import cn.bqw.platform.security.CurrentActor;
import cn.bqw.platform.security.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/villages:import}: many villages at once, as CSV (a header row; {@code belts}
 * and {@code pilots} cells {@code |}-separated) or a JSON array, each row a village's {@code code}
 * and profile. New villages are registered, changed ones updated (no If-Match: an import is the
 * source of truth), unchanged ones ignored.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.SERVICE})
public class VillageImportResource {

    public static final String CSV = "text/csv";

    @Inject
    VillageImport villageImport;

    @Inject
    IdempotentRequests idempotentRequests;

    @Inject
    CurrentActor actor;

    @Inject
    ObjectMapper json;

    @POST
    @Path("/villages:import")
    @Consumes(CSV)
    @Operation(summary = "Import villages from CSV; answers an import summary")
    public Response importCsv(
            InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @QueryParam("dryRun") boolean dryRun,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey)
            throws Exception {
        Charset charset = MediaTypes.charset(contentType);
        return run(dryRun, idempotencyKey, () -> RowReader.csv(body, charset, VillageImport.LIST_COLUMNS, json));
    }

    @POST
    @Path("/villages:import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import villages from a JSON array; answers an import summary")
    public Response importJson(
            InputStream body,
            @QueryParam("dryRun") boolean dryRun,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey)
            throws Exception {
        return run(dryRun, idempotencyKey, () -> RowReader.jsonArray(body, json));
    }

    private interface Rows {
        RowReader open();
    }

    private Response run(boolean dryRun, String idempotencyKey, Rows rows) throws Exception {
        String scope = "villages:import:" + actor.name();
        Optional<IdempotentRequests.Answer> previous = idempotentRequests.previous(scope, idempotencyKey);
        if (previous.isPresent()) {
            return Response.status(previous.get().status())
                    .entity(previous.get().body())
                    .header("Idempotency-Replayed", "true")
                    .build();
        }
        try (RowReader reader = rows.open()) {
            ImportSummary summary = villageImport.run(reader, dryRun, scope, idempotencyKey);
            return Response.ok(summary).build();
        }
    }
}
