package cn.bqw.platform.importing;

import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.security.CurrentActor;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;

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

    @Inject
    ObjectMapper json;

    public RestResponse<ImportSummary> handle(String endpoint, String idempotencyKey, Rows rows, Import importer)
            throws Exception {
        String scope = endpoint + ":" + actor.name();
        Optional<IdempotentRequests.Answer> previous = idempotentRequests.previous(scope, idempotencyKey);
        if (previous.isPresent()) {
            return RestResponse.ResponseBuilder.ok(json.readValue(previous.get().body(), ImportSummary.class))
                    .header("Idempotency-Replayed", "true")
                    .build();
        }
        try (RowReader reader = rows.open()) {
            return RestResponse.ok(importer.run(reader, scope));
        }
    }
}
