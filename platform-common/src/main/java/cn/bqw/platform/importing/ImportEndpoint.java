package cn.bqw.platform.importing;

import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.security.CurrentActor;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The HTTP side every import endpoint shares: the rows are opened and imported once per
 * Idempotency-Key ({@link IdempotentRequests#once}: a retry gets the first answer again, the key
 * bound to the body's digest), and the reader is closed.
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
        try (RowReader reader = rows.open()) {
            return idempotentRequests.once(
                    scope,
                    idempotencyKey,
                    idempotentRequests.fingerprintOf(reader::bodyDigest),
                    answer -> RestResponse.ok(json.readValue(answer.body(), ImportSummary.class)),
                    () -> RestResponse.ok(importer.run(reader, scope)));
        }
    }
}
