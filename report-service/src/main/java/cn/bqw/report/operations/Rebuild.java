package cn.bqw.report.operations;

import cn.bqw.platform.audit.AdminActs;
import cn.bqw.platform.events.EventConsumer;
import cn.bqw.platform.events.IncomingEvent;
import cn.bqw.platform.events.KafkaConnection;
import cn.bqw.platform.events.PoisonEventException;
import cn.bqw.platform.events.Topics;
import cn.bqw.platform.jdbc.CopyIn;
import cn.bqw.platform.problem.DatabaseFailures;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.security.CurrentActor;
import cn.bqw.report.aggregate.ClosedYears;
import cn.bqw.report.aggregate.ObservationProjection;
import cn.bqw.report.aggregate.Recomputation;
import cn.bqw.report.approval.ApprovalProjection;
import cn.bqw.report.catalogue.CatalogueProjection;
import cn.bqw.report.ledger.TaskLedgerProjection;
import cn.bqw.report.region.RegionProjection;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Rebuilds the projection from nothing: fresh copies of its tables in a schema of their own, filled
 * by replaying the topics it consumes (regions, catalogue, values, approvals, tasks) from their first record through the same projection code (each
 * transaction's {@code search_path} points at the fresh tables), then swapped in for the live
 * ones in one transaction. Reads are served from the live tables all along; the live consumers go
 * on applying new events to them, and whatever they applied after the replay's last read is
 * replayed once more inside the switch, with the consumers held at its gate. After the switch,
 * the live consumers find their events in the new {@code processed_event} and pass over them.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    static final String FRESH = "projection_rebuild";
    static final String RETIRED = "projection_retired";
    /** Every table the projection keeps; the migrations own their shape, the rebuild copies it. */
    static final List<String> TABLES = List.of(
            "region_replica",
            "division_root",
            "indicator_def",
            "target",
            "fact",
            "aggregate",
            "region_year",
            "projection_state",
            "active_villages",
            "approval_unit",
            "ledger_department",
            "ledger_task",
            "ledger_overdue",
            "processed_event");
    /**
     * Where a first pass copies rows as they come, without indexes or conflicts to check, each
     * settled into its table once the topics are through: the newest version of each key, or any
     * one of each key where rows have no version. Each is {@code staged_} and the table's name.
     */
    private record Staged(String table, String key, String newest) {

        String settle() {
            return "INSERT INTO %s SELECT DISTINCT ON (%s) * FROM staged_%s ORDER BY %s%s; DROP TABLE staged_%s;"
                    .formatted(table, key, table, key, newest == null ? "" : ", " + newest + " DESC", table);
        }
    }

    /** What the aggregates are made from. */
    static final List<Staged> FACTS = List.of(
            new Staged("fact", "indicator_code, region_code, area, year, period", "version"),
            new Staged("approval_unit", "region_code, period, campaign", "version"));

    static final Staged PROCESSED_EVENTS = new Staged("processed_event", "consumer, event_id", null);

    static final List<Staged> STAGED = List.of(FACTS.get(0), FACTS.get(1), PROCESSED_EVENTS);

    /**
     * Tables the first pass fills in bulk (settled from the staged rows, the aggregates made from
     * the facts): their keys and indexes are built once they are full, as the live tables have them.
     */
    static final List<String> INDEXED_AFTER = List.of("fact", "approval_unit", "aggregate");

    /** The topics whose events name a period, whose closed years a rebuild restores from their copies. */
    private static final List<String> YEARLY = List.of(Topics.OBSERVATIONS.name(), Topics.APPROVALS.name());

    /** Below this many events still to replay, the switch-over replays them with the consumers held. */
    private static final long SWITCH_WHEN_BEHIND = 2_000;

    @Inject
    AdminActs acts;

    @Inject
    CurrentActor currentActor;

    @Inject
    EntityManager entityManager;

    @Inject
    EventConsumer events;

    @Inject
    RebuildGate gate;

    @Inject
    RegionProjection regions;

    @Inject
    CatalogueProjection catalogue;

    @Inject
    ObservationProjection observations;

    @Inject
    ApprovalProjection approvals;

    @Inject
    Recomputation recomputation;

    @Inject
    ClosedYears closedYears;

    @Inject
    TaskLedgerProjection ledger;

    @Inject
    ObjectMapper json;

    @Inject
    ManagedExecutor executor;

    @Inject
    RebuildLock lock;

    @Inject
    KafkaConnection kafka;

    /** How often a transaction that failed for a transient cause (a dropped session, a deadlock) is tried. */
    static final int ATTEMPTS = 8;

    private RebuildStatus status = RebuildStatus.none();
    private long applied;
    private long skipped;
    private boolean passOverDeadLetters;
    private final List<String> passedOver = new ArrayList<>();
    /** The closed years this rebuild restored from their copies, each with when it was closed. */
    private Map<Integer, OffsetDateTime> restored = Map.of();

    private long closedYearEvents;

    /**
     * One topic replayed into one consumer's projection: from the first record by {@code staging}
     * into the staged tables if it has one (its events counted as processed there too), else by the
     * live consumer's own {@code handler}, which then also takes what arrived meanwhile.
     */
    private record Stream(
            String topic,
            String consumer,
            Consumer<List<IncomingEvent>> staging,
            Consumer<List<IncomingEvent>> handler,
            KafkaConsumer<String, String> kafka) {

        Stream(
                String topic,
                String consumer,
                Consumer<List<IncomingEvent>> handler,
                KafkaConsumer<String, String> kafka) {
            this(topic, consumer, null, handler, kafka);
        }
    }

    /**
     * Starts a rebuild in the background; 409 while one is running here or on another instance.
     * With {@code passOverDeadLetters}, an event that cannot be applied and is already in its
     * topic's dead letters is passed over (and listed); without, it fails the rebuild.
     */
    public synchronized RebuildStatus start(boolean passOverDeadLetters) {
        if (status.running()) {
            throw ProblemException.conflict("a rebuild is running since " + status.startedAt());
        }
        lock.acquire();
        applied = 0;
        skipped = 0;
        closedYearEvents = 0;
        restored = Map.of();
        this.passOverDeadLetters = passOverDeadLetters;
        passedOver.clear();
        status = new RebuildStatus(
                RebuildStatus.State.REPLAYING, now(), null, 0, 0, 0, 0, null, List.of(), List.of(), 0);
        OffsetDateTime startedAt = status.startedAt();
        String actor = currentActor.name();
        acts.record(actor, "rebuild.start", null, null, "started at " + startedAt);
        executor.runAsync(() -> run(startedAt, actor));
        return status;
    }

    public synchronized RebuildStatus status() {
        return status.running() ? progress(status.state(), null, null) : status;
    }

    private void run(OffsetDateTime startedAt, String actor) {
        long startedNanos = System.nanoTime();
        List<Stream> streams = new ArrayList<>();
        try {
            // Regions and the catalogue first: values then meet their populations and definitions.
            streams.add(new Stream(Topics.DIVISIONS.name(), RegionProjection.CONSUMER, regions::applyAll, consumer()));
            streams.add(new Stream(
                    Topics.INDICATORS.name(), CatalogueProjection.CONSUMER, each(catalogue::apply), consumer()));
            // Values and approval steps first as facts and units only; the aggregates are then made
            // from all of them at once (a value at a time, every value rewrote its county's and city's rows).
            streams.add(new Stream(
                    Topics.OBSERVATIONS.name(),
                    ObservationProjection.CONSUMER,
                    observations::stageFacts,
                    observations::apply,
                    consumer()));
            streams.add(new Stream(
                    Topics.APPROVALS.name(),
                    ApprovalProjection.CONSUMER,
                    approvals::stageAll,
                    approvals::applyAll,
                    consumer()));
            streams.add(
                    new Stream(Topics.TASKS.name(), TaskLedgerProjection.CONSUMER, each(ledger::apply), consumer()));
            retrying("creating the fresh tables", () -> QuarkusTransaction.requiringNew()
                    .run(this::createFreshTables));
            replayFromTheStart(streams);
            lock.hold();
            retrying("restoring the closed years from their copies", () -> QuarkusTransaction.requiringNew()
                    .timeout(3600)
                    .run(() -> closedYears.restore(FRESH, restored.keySet())));
            long replayed = System.nanoTime();
            lock.hold();
            // The processed events matter only at the switch-over: settled beside the rest. (Their
            // table keeps its key throughout: the topics replayed without staging check it.)
            CompletableFuture<Long> processed = executor.supplyAsync(() -> {
                settle(PROCESSED_EVENTS);
                return System.nanoTime();
            });
            long settled;
            long made;
            try {
                sideBySide(FACTS.stream()
                        .map(staged -> (Runnable) () -> settle(staged))
                        .toList());
                settled = System.nanoTime();
                lock.hold();
                retrying(
                        "making the aggregates from the facts",
                        () -> QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
                            useFreshTables();
                            recomputation.recomputeAll(restored.keySet());
                        }));
                made = System.nanoTime();
                lock.hold();
                sideBySide(INDEXED_AFTER.stream()
                        .map(table -> (Runnable) () -> index(table))
                        .toList());
            } finally {
                // Not a second writer left behind in the fresh tables, whatever happened here.
                processed.exceptionally(failure -> null).join();
            }
            long processedDone = joined(List.of(processed)).get(0);
            LOG.infof(
                    "rebuild: topics replayed in %d ms, facts and approval units settled in %d ms, aggregates made in %d ms, indexed in %d ms; processed events settled beside them in %d ms",
                    TimeUnit.NANOSECONDS.toMillis(replayed - startedNanos),
                    TimeUnit.NANOSECONDS.toMillis(settled - replayed),
                    TimeUnit.NANOSECONDS.toMillis(made - settled),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - made),
                    TimeUnit.NANOSECONDS.toMillis(processedDone - replayed));
            while (behind(streams) > SWITCH_WHEN_BEHIND) {
                streams.forEach(stream -> replay(stream, false));
            }
            setState(RebuildStatus.State.SWITCHING);
            switchOverRetrying(streams);
            retrying("dropping the retired tables", () -> QuarkusTransaction.requiringNew()
                    .run(() -> entityManager
                            .createNativeQuery(
                                    "DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE; DROP SCHEMA IF EXISTS " + FRESH)
                            .executeUpdate()));
            // On record before anyone can see the rebuild done.
            String outcome = "DONE: %d events replayed, %d skipped%s%s"
                    .formatted(
                            applied,
                            skipped,
                            passedOver.isEmpty() ? "" : "; passed over (dead-lettered): " + passedOver,
                            restored.isEmpty()
                                    ? ""
                                    : "; closed years %s restored from their copies (%d of their events passed over)"
                                            .formatted(restored.keySet(), closedYearEvents));
            retrying(
                    "recording the outcome",
                    () -> acts.record(
                            actor, "rebuild.outcome", null, Map.of("startedAt", startedAt.toString()), outcome));
            finish(RebuildStatus.State.DONE, null);
            LOG.infof("rebuild done: %d events replayed, %d skipped", applied, skipped);
        } catch (RuntimeException e) {
            LOG.errorf(e, "rebuild started at %s failed; the live tables are unchanged", startedAt);
            try {
                QuarkusTransaction.requiringNew().run(() -> entityManager
                        .createNativeQuery("DROP SCHEMA IF EXISTS " + FRESH + " CASCADE")
                        .executeUpdate());
            } catch (RuntimeException cleanup) {
                LOG.warnf("the failed rebuild's tables stay in %s until the next rebuild: %s", FRESH, cleanup);
            }
            try {
                acts.record(
                        actor,
                        "rebuild.outcome",
                        null,
                        Map.of("startedAt", startedAt.toString()),
                        "FAILED: " + e.getMessage());
            } catch (RuntimeException unrecorded) {
                LOG.errorf(unrecorded, "the failed rebuild's outcome could not be put on record");
            }
            finish(RebuildStatus.State.FAILED, e.getMessage());
        } finally {
            streams.forEach(s -> s.kafka().close());
            lock.release();
        }
    }

    private void createFreshTables() {
        StringBuilder ddl = new StringBuilder("DROP SCHEMA IF EXISTS " + FRESH + " CASCADE; DROP SCHEMA IF EXISTS "
                + RETIRED + " CASCADE; CREATE SCHEMA " + FRESH + ";");
        for (String table : TABLES) {
            ddl.append(" CREATE TABLE ")
                    .append(FRESH)
                    .append('.')
                    .append(table)
                    .append(" (LIKE public.")
                    .append(table)
                    .append(" INCLUDING ALL EXCLUDING INDEXES);");
        }
        for (Staged staged : STAGED) {
            ddl.append(" CREATE UNLOGGED TABLE ")
                    .append(FRESH)
                    .append(".staged_")
                    .append(staged.table())
                    .append(" (LIKE public.")
                    .append(staged.table())
                    .append(" INCLUDING DEFAULTS);");
        }
        // The one row the projection updates in place, as its migration creates it.
        ddl.append(" INSERT INTO ").append(FRESH).append(".projection_state (id) VALUES (1);");
        entityManager.createNativeQuery(ddl.toString()).executeUpdate();
        // Their copies go in once the replay is through: a definition replayed meanwhile recomputes
        // its indicator's aggregates from the facts there.
        Map<Integer, OffsetDateTime> years = closedYears.current();
        synchronized (this) {
            restored = years;
        }
        indexFreshTables(TABLES.stream().filter(t -> !INDEXED_AFTER.contains(t)).toList());
    }

    /**
     * The keys and indexes of the live tables on their fresh copies, under the same names (a
     * migration may name them; {@code LIKE … INCLUDING INDEXES} would name them anew).
     */
    @SuppressWarnings("unchecked")
    private void indexFreshTables(List<String> tables) {
        // Names printed with their schema, so that the definitions can be pointed at the fresh tables.
        entityManager.createNativeQuery("SET LOCAL search_path TO pg_catalog").executeUpdate();
        for (String table : tables) {
            List<Object[]> definitions = entityManager
                    .createNativeQuery(
                            """
                            SELECT c.conname, pg_get_constraintdef(c.oid), NULL FROM pg_constraint c
                            WHERE c.conrelid = CAST(?1 AS regclass) AND c.contype IN ('p', 'u', 'x')
                            UNION ALL
                            SELECT NULL, NULL, pg_get_indexdef(i.indexrelid) FROM pg_index i
                            WHERE i.indrelid = CAST(?1 AS regclass)
                              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""")
                    .setParameter(1, "public." + table)
                    .getResultList();
            for (Object[] definition : definitions) {
                String ddl = definition[0] != null
                        ? "ALTER TABLE %s.%s ADD CONSTRAINT %s %s".formatted(FRESH, table, definition[0], definition[1])
                        : ((String) definition[2])
                                .replace(" ON public." + table + " ", " ON " + FRESH + "." + table + " ");
                entityManager.createNativeQuery(ddl).executeUpdate();
            }
        }
    }

    /**
     * Every topic from its first record, in the order of {@code streams}, except that the staged
     * ones go side by side with what follows them: they touch only their own staged tables, and
     * while one thread parses a poll another's rows go into the database.
     */
    private void replayFromTheStart(List<Stream> streams) {
        List<CompletableFuture<Void>> staging = new ArrayList<>();
        for (Stream stream : streams) {
            stream.kafka().assign(partitions(stream));
            stream.kafka().seekToBeginning(stream.kafka().assignment());
            if (stream.staging() != null) {
                staging.add(executor.runAsync(() -> replayTimed(stream)));
            } else {
                replayTimed(stream);
            }
        }
        joined(staging);
    }

    /** Settles one staged table into its fresh table, in a transaction of its own. */
    private void settle(Staged staged) {
        retrying(
                "settling the staged " + staged.table(),
                () -> QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
                    useFreshTables();
                    entityManager.createNativeQuery(staged.settle()).executeUpdate();
                }));
    }

    /** Builds one fresh table's keys and indexes, in a transaction of its own. */
    private void index(String table) {
        retrying(
                "indexing the fresh " + table,
                () -> QuarkusTransaction.requiringNew().timeout(3600).run(() -> indexFreshTables(List.of(table))));
    }

    /** Runs each of {@code works} in a thread of its own and waits for all of them (two cores, two sorts at once). */
    private void sideBySide(List<Runnable> works) {
        joined(works.stream().map(executor::runAsync).toList());
    }

    /** Waits for every one of {@code running}; the first failure, as it was thrown. */
    private static <T> List<T> joined(List<CompletableFuture<T>> running) {
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
            return running.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void replayTimed(Stream stream) {
        long started = System.nanoTime();
        long events = replay(stream, stream.staging() != null);
        LOG.infof(
                "rebuild: %s replayed from the start, %d events in %d ms",
                stream.topic(), events, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Applies every record up to the topic's current end, a poll per transaction, into the fresh
     * tables, or into their staged copies; returns how many events it read.
     */
    private long replay(Stream stream, boolean staged) {
        long events = 0;
        Map<TopicPartition, Long> end = stream.kafka().endOffsets(stream.kafka().assignment());
        while (!reached(stream, end)) {
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            stream.kafka().poll(Duration.ofMillis(500)).forEach(records::add);
            if (records.isEmpty()) {
                continue;
            }
            List<IncomingEvent> batch = passOverClosedYears(stream, readable(records));
            lock.hold();
            apply(stream, staged, batch);
            count(batch.size(), 0);
            events += batch.size();
        }
        return events;
    }

    /**
     * With every consumer held at the gate: the last events into the fresh tables, then the fresh
     * tables in and the live ones out, in one transaction; readers wait only for the renames.
     */
    private void switchOver(List<Stream> streams) {
        gate.closeForThisTransaction();
        // With every consumer held: none can apply a value of a restored year between this and the switch.
        if (!closedYears.unchanged(restored)) {
            throw new IllegalStateException("a closed year restored from its copy took a value or an approval step"
                    + " during the rebuild, or was closed again; nothing is switched over (a rebuild now replays what"
                    + " the copy misses)");
        }
        for (Stream stream : streams) {
            Map<TopicPartition, Long> end =
                    stream.kafka().endOffsets(stream.kafka().assignment());
            while (!reached(stream, end)) {
                List<ConsumerRecord<String, String>> records = new ArrayList<>();
                stream.kafka().poll(Duration.ofMillis(500)).forEach(records::add);
                List<IncomingEvent> batch = passOverClosedYears(stream, readable(records));
                applyToFresh(stream, false, batch);
                count(batch.size(), 0);
            }
        }
        entityManager.flush();
        StringBuilder ddl = new StringBuilder("SET LOCAL search_path TO public; CREATE SCHEMA " + RETIRED + ";");
        for (String table : TABLES) {
            ddl.append(" ALTER TABLE public.")
                    .append(table)
                    .append(" SET SCHEMA ")
                    .append(RETIRED)
                    .append(';');
            ddl.append(" ALTER TABLE ").append(FRESH).append('.').append(table).append(" SET SCHEMA public;");
        }
        entityManager.createNativeQuery(ddl.toString()).executeUpdate();
    }

    /**
     * A poll's events into the fresh tables in one transaction, tried again while the cause is
     * transient; if the poll still fails, its events one by one, and one that cannot be applied
     * fails the rebuild — unless it is dead-lettered and the operator asked to pass over those.
     */
    private void apply(Stream stream, boolean staged, List<IncomingEvent> batch) {
        try {
            retrying("a poll of " + stream.topic(), () -> QuarkusTransaction.requiringNew()
                    .run(() -> applyToFresh(stream, staged, batch)));
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                passOverOrFail(stream, batch.get(0), e);
                return;
            }
        }
        for (IncomingEvent event : batch) {
            try {
                retrying("event " + event.id(), () -> QuarkusTransaction.requiringNew()
                        .run(() -> applyToFresh(stream, staged, List.of(event))));
            } catch (RuntimeException e) {
                passOverOrFail(stream, event, e);
            }
        }
    }

    private void passOverOrFail(Stream stream, IncomingEvent event, RuntimeException cause) {
        if (passOverDeadLetters && DeadLetterSearch.holds(kafka.settings(), stream.topic(), event.id())) {
            LOG.warnf("rebuild passes over dead-lettered event %s of %s: %s", event.id(), stream.topic(), cause);
            synchronized (this) {
                passedOver.add(stream.topic() + "/" + event.id());
            }
            count(-1, 1);
            return;
        }
        throw new IllegalStateException(
                "event %s of %s cannot be applied (%s); nothing is switched over"
                        .formatted(event.id(), stream.topic(), cause.getMessage()),
                cause);
    }

    /** Runs {@code work}, again with growing pauses while it fails for a transient cause. */
    private static void retrying(String what, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !DatabaseFailures.transientFailure(e)) {
                    throw e;
                }
                long pause = Math.min(10_000, 100L << attempt);
                LOG.warnf("rebuild: %s failed for a transient cause (%s); again in %d ms", what, e, pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * {@link #switchOver} in one transaction, again from the same positions while it fails for a
     * transient cause: what a failed attempt read is read again, not lost.
     */
    private void switchOverRetrying(List<Stream> streams) {
        Map<Stream, Map<TopicPartition, Long>> from = new java.util.HashMap<>();
        for (Stream stream : streams) {
            Map<TopicPartition, Long> positions = new java.util.HashMap<>();
            stream.kafka()
                    .assignment()
                    .forEach(p -> positions.put(p, stream.kafka().position(p)));
            from.put(stream, positions);
        }
        long[] counted = {applied, skipped, closedYearEvents};
        retrying("the switch-over", () -> {
            lock.hold();
            try {
                QuarkusTransaction.requiringNew().timeout(600).run(() -> switchOver(streams));
            } catch (RuntimeException e) {
                from.forEach((stream, positions) -> positions.forEach(stream.kafka()::seek));
                synchronized (this) {
                    applied = counted[0];
                    skipped = counted[1];
                    closedYearEvents = counted[2];
                }
                throw e;
            }
        });
    }

    private void applyToFresh(Stream stream, boolean staged, List<IncomingEvent> batch) {
        useFreshTables();
        if (staged) {
            // Each staging keeps only the newest version of a key, so a redelivered event does no harm.
            CopyIn processed = new CopyIn("staged_processed_event (consumer, event_id)");
            batch.forEach(event -> processed.row(stream.consumer(), event.id()));
            entityManager.unwrap(Session.class).doWork(processed::copy);
            stream.staging().accept(batch);
        } else {
            events.applyAll(stream.consumer(), batch, stream.handler());
        }
        entityManager.flush();
    }

    /** Points this transaction at the fresh tables, failing rather than falling back to the live ones. */
    private void useFreshTables() {
        entityManager
                .createNativeQuery("SET LOCAL search_path TO " + FRESH + ", public")
                .executeUpdate();
        // PostgreSQL passes over a missing schema in the search path: writes would land in the live tables.
        Object first = entityManager
                .createNativeQuery("SELECT (current_schemas(false))[1]")
                .getSingleResult();
        if (!FRESH.equals(first)) {
            throw new IllegalStateException("the rebuild's schema " + FRESH + " is gone; nothing is switched over");
        }
    }

    private List<IncomingEvent> readable(List<ConsumerRecord<String, String>> records) {
        List<IncomingEvent> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                batch.add(IncomingEvent.from(record, json));
            } catch (PoisonEventException e) {
                // Not even an event (no id to look for among the dead letters): passed over only when asked.
                String where = record.topic() + "@" + record.partition() + ":" + record.offset();
                if (!passOverDeadLetters) {
                    throw new IllegalStateException(
                            "record " + where + " is no event (" + e.getMessage() + "); nothing is switched over", e);
                }
                synchronized (this) {
                    passedOver.add(where + " (no event)");
                }
                count(0, 1);
            }
        }
        return batch;
    }

    /**
     * The batch without the values and approval steps of the closed years restored from their copies:
     * the copies hold what they made, and recording them as processed would keep the live consumers
     * from applying one of them that the copy misses.
     */
    private List<IncomingEvent> passOverClosedYears(Stream stream, List<IncomingEvent> batch) {
        if (restored.isEmpty() || !YEARLY.contains(stream.topic())) {
            return batch;
        }
        List<IncomingEvent> open = batch.stream()
                .filter(event -> ClosedYears.yearOf(event)
                        .map(year -> !restored.containsKey(year))
                        .orElse(true))
                .toList();
        synchronized (this) {
            closedYearEvents += batch.size() - open.size();
        }
        return open;
    }

    private static boolean reached(Stream stream, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> stream.kafka().position(e.getKey()) >= e.getValue());
    }

    private static long behind(List<Stream> streams) {
        long behind = 0;
        for (Stream stream : streams) {
            Map<TopicPartition, Long> end =
                    stream.kafka().endOffsets(stream.kafka().assignment());
            for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                behind += Math.max(0, e.getValue() - stream.kafka().position(e.getKey()));
            }
        }
        return behind;
    }

    private List<TopicPartition> partitions(Stream stream) {
        return stream.kafka().partitionsFor(stream.topic()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
    }

    private KafkaConsumer<String, String> consumer() {
        return consumer(kafka.settings());
    }

    /**
     * A plain consumer of its own: no group, no committed offsets, read from the start (the
     * rebuild's, and the dead-letter search's).
     */
    static KafkaConsumer<String, String> consumer(Map<String, Object> connection) {
        Properties properties = new Properties();
        properties.putAll(connection);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "8388608");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

    private static Consumer<List<IncomingEvent>> each(Consumer<IncomingEvent> handler) {
        return batch -> batch.forEach(handler);
    }

    private synchronized void count(long events, long passedOver) {
        applied += events;
        skipped += passedOver;
    }

    private synchronized void setState(RebuildStatus.State state) {
        status = progress(state, null, null);
    }

    private synchronized void finish(RebuildStatus.State state, String error) {
        status = progress(state, now(), error);
    }

    private RebuildStatus progress(RebuildStatus.State state, OffsetDateTime finishedAt, String error) {
        OffsetDateTime until = finishedAt == null ? now() : finishedAt;
        double seconds = Duration.between(status.startedAt(), until).toMillis() / 1000.0;
        return new RebuildStatus(
                state,
                status.startedAt(),
                finishedAt,
                applied,
                skipped,
                seconds,
                seconds == 0 ? 0 : Math.round(applied / seconds),
                error,
                List.copyOf(passedOver),
                List.copyOf(restored.keySet()),
                closedYearEvents);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
