package cn.bqw.platform.importing;

import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.security.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The HTTP side every import endpoint shares: a retried request with a known Idempotency-Key gets
 * the first answer again ({@code Idempotency-Replayed: true}); otherwise the rows are opened and
 * imported, and the reader is closed.
 */
@ApplicationScoped
public class ImportEndpoint {

    /** Opens the request body as rows. */
    public interface Rows {
        RowReader open();
    }

    /** Imports opened rows. */
    public interface Import {
        ImportSummary run(RowReader rows, String idempotencyScope) throws Exception;
    }

    @Inject
    IdempotentRequests idempotentRequests;

    @Inject
    CurrentActor actor;

    public Response handle(String endpoint, String idempotencyKey, Rows rows, Import importer) throws Exception {
        String scope = endpoint + ":" + actor.name();
        Optional<IdempotentRequests.Answer> previous = idempotentRequests.previous(scope, idempotencyKey);
        if (previous.isPresent()) {
            return Response.status(previous.get().status())
                    .entity(previous.get().body())
                    .header("Idempotency-Replayed", "true")
                    .build();
        }
        try (RowReader reader = rows.open()) {
            return Response.ok(importer.run(reader, scope)).build();
        }
    }
}
