package cn.bqw.platform.events;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes outbox rows to Kafka in position order and marks them sent; one instance per relay
 * thread. Safe with any number of replicas: a transaction-scoped advisory lock lets one replica
 * publish a batch at a time, so one key's events never overtake each other across replicas (row
 * locks with SKIP LOCKED alone would let two replicas publish one key's events concurrently).
 * While Kafka is down, batches fail and are retried with backoff; writes are never affected.
 */
public final class OutboxPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    private static final long PUBLISH_LOCK = 0x6271775F6F7574L; // "bqw_out"
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /** The oldest unsent rows, locked. */
    static final String UNSENT =
            """
            SELECT position, event_id, topic, event_key, type, source, actor, data, occurred_at, traceparent
            FROM outbox_event WHERE sent_at IS NULL ORDER BY position LIMIT ?
            FOR UPDATE SKIP LOCKED""";

    /**
     * Read {@link #UNSENT} in the unsent index's order, never sorted: before the statistics catch
     * up with a bulk import (100,000 rows in one transaction), the planner takes the backlog for a
     * few rows, reads all of it and sorts it for every batch of 500 — measured 145 ms a batch
     * instead of 2 ms, a 100,000-event backlog draining in a minute instead of seconds.
     */
    static final String INDEX_ORDER = "SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off";

    /**
     * How a relay behaves: rows per batch, how long to sleep without a NOTIFY, how long sent rows
     * are kept, and how often they are purged.
     */
    public record Settings(int batchSize, Duration idleWait, Duration retention, Duration purgeEvery) {}

    /** What the relay has done, for its metrics. */
    public static final class Stats {
        public final AtomicLong published = new AtomicLong();
        public final AtomicLong failures = new AtomicLong();
        public final AtomicLong backlog = new AtomicLong();
        public final AtomicLong oldestUnsentAgeMillis = new AtomicLong();
    }

    private final DataSource dataSource;
    private final Producer<String, String> producer;
    private final Settings settings;
    private final Stats stats;
    private final Thread thread;
    private volatile boolean running = true;
    private long lastHousekeeping;
    private long lastPurge;

    public OutboxPublisher(
            String name, DataSource dataSource, Producer<String, String> producer, Settings settings, Stats stats) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.settings = settings;
        this.stats = stats;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public OutboxPublisher start() {
        thread.start();
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(SEND_TIMEOUT.toMillis());
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try (Connection listener = dataSource.getConnection()) {
                try (Statement listen = listener.createStatement()) {
                    listen.execute("LISTEN " + Outbox.CHANNEL);
                }
                PGConnection notifications = listener.unwrap(PGConnection.class);
                while (running) {
                    int published = publishBatch();
                    backoff = Duration.ofMillis(100);
                    housekeeping();
                    if (published < settings.batchSize()) {
                        // Sleeps until a writer commits (NOTIFY) or idleWait passes.
                        notifications.getNotifications((int) settings.idleWait().toMillis());
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                stats.failures.incrementAndGet();
                LOG.warnf("outbox relay: %s; retrying in %d ms", e.toString(), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Publishes one batch; answers how many rows it published (0 when another replica holds the lock). */
    int publishBatch() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryPublishLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<Row> rows = unsentRows(connection);
                List<Long> sent = new ArrayList<>(rows.size());
                Exception failure = null;
                List<Future<?>> acks = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    Future<?> ack = producer.send(row.toRecord());
                    acks.add(ack);
                    if (failedAlready(ack)) {
                        // The broker is out of reach: each further send would wait as long again.
                        break;
                    }
                }
                // Only the rows before the first failure count as sent, so a key's later events are
                // never marked while an earlier one is still to be published.
                for (int i = 0; i < acks.size() && failure == null; i++) {
                    try {
                        acks.get(i).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                        sent.add(rows.get(i).position());
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (Exception e) {
                        failure = e;
                    }
                }
                markSent(connection, sent);
                connection.commit();
                stats.published.addAndGet(sent.size());
                if (failure != null) {
                    throw new IllegalStateException("publishing to Kafka failed", failure);
                }
                return sent.size();
            } catch (SQLException | RuntimeException | InterruptedException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static boolean failedAlready(Future<?> ack) {
        if (!ack.isDone()) {
            return false;
        }
        try {
            ack.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private static boolean tryPublishLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, PUBLISH_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private List<Row> unsentRows(Connection connection) throws SQLException {
        try (Statement plan = connection.createStatement()) {
            plan.execute(INDEX_ORDER);
        }
        try (PreparedStatement select = connection.prepareStatement(UNSENT)) {
            select.setInt(1, settings.batchSize());
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(
                            result.getLong(1),
                            result.getString(2),
                            result.getString(3),
                            result.getString(4),
                            result.getString(5),
                            result.getString(6),
                            result.getString(7),
                            result.getString(8),
                            result.getObject(9, OffsetDateTime.class),
                            result.getString(10)));
                }
            }
            return rows;
        }
    }

    private static void markSent(Connection connection, List<Long> positions) throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE outbox_event SET sent_at = now() WHERE position = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", positions.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    /** Every few seconds: the backlog for the metrics; every {@code purgeEvery}: drop sent rows past retention. */
    private void housekeeping() throws SQLException {
        long now = System.currentTimeMillis();
        if (now - lastHousekeeping < Math.min(5_000, settings.purgeEvery().toMillis())) {
            return;
        }
        lastHousekeeping = now;
        boolean purge = now - lastPurge >= settings.purgeEvery().toMillis();
        if (purge) {
            lastPurge = now;
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet result =
                    statement.executeQuery("SELECT count(*), extract(epoch FROM now() - min(occurred_at)) * 1000"
                            + " FROM outbox_event WHERE sent_at IS NULL")) {
                result.next();
                stats.backlog.set(result.getLong(1));
                stats.oldestUnsentAgeMillis.set((long) result.getDouble(2));
            }
            if (purge) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM outbox_event WHERE sent_at < now() - make_interval(secs => ?)")) {
                    delete.setDouble(1, settings.retention().toSeconds());
                    delete.executeUpdate();
                }
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Row(
            long position,
            String eventId,
            String topic,
            String key,
            String type,
            String source,
            String actor,
            String data,
            OffsetDateTime occurredAt,
            String traceparent) {

        ProducerRecord<String, String> toRecord() {
            RecordHeaders headers = new RecordHeaders();
            header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
            header(headers, CloudEventHeaders.ID, eventId);
            header(headers, CloudEventHeaders.SOURCE, source);
            header(headers, CloudEventHeaders.TYPE, type);
            header(headers, CloudEventHeaders.SUBJECT, key);
            header(headers, CloudEventHeaders.TIME, occurredAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
            if (actor != null) {
                header(headers, CloudEventHeaders.ACTOR, actor);
            }
            if (traceparent != null) {
                header(headers, CloudEventHeaders.TRACEPARENT, traceparent);
            }
            return new ProducerRecord<>(topic, null, key, data, headers);
        }

        private static void header(RecordHeaders headers, String name, String value) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
