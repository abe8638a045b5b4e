package cn.bqw.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Keeps {@code processed_event} from growing without end (a row per event per consumer: ≈ 43 M a
 * day at 500 events/s). A row is needed only while its event can be delivered again: a consumer
 * sees an event again when it restarts before committing its offset, or when the outbox publishes
 * again after a broker outage — minutes, hours at worst. Past {@code bqw.inbox.retention} (7 days)
 * the rows are deleted, a bounded batch per transaction. Reading a topic again from its start is
 * a rebuild's job (report-service's fills fresh tables), never an offset reset onto live tables.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);
    /** Rows deleted per transaction: short locks, bounded WAL per commit. */
    static final int BATCH = 10_000;

    @Inject
    EntityManager entityManager;

    @Inject
    InboxConfig config;

    @Scheduled(every = "${bqw.inbox.purge-every:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long purged = purgeProcessedBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention()));
        if (purged > 0) {
            LOG.infof("purged %,d processed-event records older than %s", purged, config.retention());
        }
    }

    /** Deletes the records of events processed before {@code horizon}; how many. */
    public long purgeProcessedBefore(OffsetDateTime horizon) {
        long purged = 0;
        while (true) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createNativeQuery(
                            """
                            DELETE FROM processed_event WHERE ctid = ANY(ARRAY(
                                SELECT ctid FROM processed_event WHERE processed_at < ?1 LIMIT ?2))""")
                    .setParameter(1, horizon)
                    .setParameter(2, BATCH)
                    .executeUpdate());
            purged += deleted;
            if (deleted < BATCH) {
                return purged;
            }
        }
    }
}
