package cn.bqw.report.operations;

import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.security.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Runs the drift check in the background, as the rebuild runs: it reads every fact and aggregate,
 * which takes a province 20 s and a country minutes, longer than a client should hold a request
 * open. One check at a time per instance; its status is kept until the next one starts.
 */
@ApplicationScoped
public class DriftChecks {

    private static final Logger LOG = Logger.getLogger(DriftChecks.class);

    @Inject
    DriftCheck check;

    @Inject
    CurrentActor currentActor;

    @Inject
    ManagedExecutor executor;

    private DriftCheckStatus status = DriftCheckStatus.NONE;

    /** Starts a check; 409 while one runs here. */
    public synchronized DriftCheckStatus start() {
        if (status.state() == DriftCheckStatus.State.RUNNING) {
            throw ProblemException.conflict("a drift check is running since " + status.startedAt());
        }
        OffsetDateTime startedAt = now();
        String actor = currentActor.name();
        status = new DriftCheckStatus(DriftCheckStatus.State.RUNNING, startedAt, null, null, null);
        executor.runAsync(() -> run(startedAt, actor));
        return status;
    }

    public synchronized DriftCheckStatus status() {
        return status;
    }

    private void run(OffsetDateTime startedAt, String actor) {
        DriftCheckStatus outcome;
        try {
            DriftReport report = check.run(actor);
            outcome = new DriftCheckStatus(DriftCheckStatus.State.DONE, startedAt, now(), report, null);
        } catch (RuntimeException e) {
            LOG.error("drift check failed", e);
            outcome = new DriftCheckStatus(DriftCheckStatus.State.FAILED, startedAt, now(), null, String.valueOf(e));
        }
        synchronized (this) {
            status = outcome;
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
