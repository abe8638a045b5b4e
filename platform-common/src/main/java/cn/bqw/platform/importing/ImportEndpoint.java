package cn.bqw.platform.importing;

import cn.bqw.platform.api.Slots;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * What every import endpoint shares: at most {@code bqw.import.max-concurrent} imports at once,
 * each holding a database connection for its whole run; beyond that a 503 at once (an import is
 * long, its client can come back later). The rows are closed when the import ends. Endpoints are
 * {@link cn.bqw.platform.api.Idempotent} and take their rows from {@link RowsBody}.
 */
@ApplicationScoped
public class ImportEndpoint {

    /** Imports opened rows. */
    public interface Import {
        ImportSummary run(RowReader rows) throws Exception;
    }

    @Inject
    ImportConfig config;

    private Slots running;

    @PostConstruct
    void permits() {
        running = new Slots(config.maxConcurrent(), 0, Duration.ZERO);
    }

    public RestResponse<ImportSummary> run(RowReader rows, Import importer) throws Exception {
        try (RowReader reader = rows) {
            return running.run(
                    () -> RestResponse.ok(importer.run(reader)),
                    () -> new ProblemException(
                            ProblemType.UNAVAILABLE,
                            "this service is running as many imports as it takes at once (" + config.maxConcurrent()
                                    + "); send the request again shortly"));
        }
    }
}
