package cn.bqw.platform.importing;

import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.api.Slots;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import cn.bqw.platform.security.CurrentActor;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    /** Imports at once in this instance: each holds a database connection for its whole run. */
    @ConfigProperty(name = "bqw.import.max-concurrent", defaultValue = "4")
    int maxConcurrent;

    /** No waiting: an import is long, and its client can come back later. */
    private Slots running;

    @PostConstruct
    void permits() {
        running = new Slots(maxConcurrent, 0, Duration.ZERO);
    }

    public RestResponse<ImportSummary> handle(String endpoint, String idempotencyKey, Rows rows, Import importer)
            throws Exception {
        String scope = endpoint + ":" + actor.name();
        try (RowReader reader = rows.open()) {
            return idempotentRequests.once(
                    scope,
                    idempotencyKey,
                    idempotentRequests.fingerprintOf(reader::bodyDigest),
                    answer -> RestResponse.ok(json.readValue(answer.body(), ImportSummary.class)),
                    () -> running.run(
                            () -> RestResponse.ok(importer.run(reader, scope)),
                            () -> new ProblemException(
                                    ProblemType.UNAVAILABLE,
                                    "this service is running as many imports as it takes at once (" + maxConcurrent
                                            + "); send the request again shortly")));
        }
    }
}
