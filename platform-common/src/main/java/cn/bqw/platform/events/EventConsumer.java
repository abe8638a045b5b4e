package cn.bqw.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies consumed events effectively once. Each event's projection change and its {@code
 * processed_event(consumer, event_id)} row commit in one transaction, so a redelivered event is a
 * no-op; the message is acknowledged only after that commit, so its offset is committed after it.
 * A record that is not a readable event, or that still fails after a few attempts, is nacked: the
 * channel's {@code dead-letter-queue} failure strategy sends it to the dead-letter topic with the
 * reason in its headers, and consumption goes on. A failure while the database does not answer is
 * not the event's fault: the event is tried again until it does (its partition waits), and an
 * event still unapplied when the service stops is left unacknowledged, to be delivered again after
 * the restart. Dead-lettering those would lose them to the projection.
 *
 * <p>Use from an {@code @Incoming} {@code @Blocking} method: {@code return events.consume(message,
 * "report-regions", event -> ...)}.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    static final int ATTEMPTS = 3;

    @Inject
    EventTraces traces;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Instance<ConsumerGate> gates;

    private volatile boolean stopping;

    public CompletionStage<Void> consume(Message<String> message, String consumer, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(message, json);
        } catch (PoisonEventException e) {
            return message.nack(e);
        }
        Attempts attempts =
                attempt(consumer, "event " + event.id(), List.of(event), () -> applyOnce(consumer, event, handler));
        return switch (attempts.end()) {
            case APPLIED -> message.ack();
            case FAILED -> message.nack(attempts.failure());
            case STOPPING -> unacknowledged();
        };
    }

    /**
     * Applies a poll's events in one transaction: the handler gets those not processed before, in
     * order, and each gets its {@code processed_event} row in the same transaction; the batch is
     * acknowledged after the commit. When the batch keeps failing, its events are applied one by
     * one, and each that still fails goes to {@code deadLetterTopic} with the reason (the
     * connector's dead-letter strategy would send the whole batch).
     *
     * <p>Use from an {@code @Incoming} {@code @Blocking} method of a channel with {@code batch=true}.
     */
    @SuppressWarnings("unchecked")
    public CompletionStage<Void> consumeBatch(
            Message<List<String>> batch,
            String consumer,
            String deadLetterTopic,
            Consumer<List<IncomingEvent>> handler) {
        IncomingKafkaRecordBatchMetadata<String, String> records = batch.getMetadata(
                        IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalStateException(consumer + ": not a Kafka batch"));
        List<IncomingEvent> events = new ArrayList<>();
        Map<String, ConsumerRecord<String, String>> recordOf = new HashMap<>();
        for (ConsumerRecord<String, String> record : records.getRecords()) {
            try {
                IncomingEvent event = IncomingEvent.from(record, json);
                events.add(event);
                recordOf.put(event.id(), record);
            } catch (PoisonEventException e) {
                deadLetters.send(deadLetterTopic, record, e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return batch.ack();
        }
        Attempts attempts =
                attempt(consumer, "a batch of " + events.size(), events, () -> handler.accept(fresh(consumer, events)));
        switch (attempts.end()) {
            case APPLIED -> {
                return batch.ack();
            }
            case STOPPING -> {
                return unacknowledged();
            }
            case FAILED -> LOG.warnf(
                    "%s: a batch of %d failed (%s); applying its events one by one",
                    consumer, events.size(), attempts.failure().getMessage());
        }
        for (IncomingEvent event : events) {
            if (!oneByOne(consumer, event, recordOf.get(event.id()), deadLetterTopic, handler)) {
                return unacknowledged();
            }
        }
        return batch.ack();
    }

    /** False when the service is stopping before the event could be applied or dead-lettered. */
    private boolean oneByOne(
            String consumer,
            IncomingEvent event,
            ConsumerRecord<String, String> record,
            String deadLetterTopic,
            Consumer<List<IncomingEvent>> handler) {
        Attempts attempts = attempt(
                consumer, "event " + event.id(), List.of(event), () -> handler.accept(fresh(consumer, List.of(event))));
        if (attempts.end() == End.STOPPING) {
            return false;
        }
        if (attempts.end() == End.FAILED) {
            deadLetters.send(deadLetterTopic, record, attempts.failure().getMessage());
        }
        return true;
    }

    /** How a run of attempts ended: applied, failed for good (with why), or cut short by the service stopping. */
    private enum End {
        APPLIED,
        FAILED,
        STOPPING
    }

    private record Attempts(End end, RuntimeException failure) {}

    /**
     * The one retry rule of every consumer: {@code apply} runs in a transaction of its own until it
     * commits; a poison event fails at once; a failure while the database answers counts against the
     * events ({@link #ATTEMPTS} at most), one while it does not is waited out (see {@link
     * #databaseDown}); 50 ms, 200 ms, 450 ms, … up to 5 s between attempts.
     */
    private Attempts attempt(String consumer, String what, List<IncomingEvent> events, Runnable apply) {
        int itsOwnFailures = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                Instant started = Instant.now();
                QuarkusTransaction.requiringNew().run(apply);
                traces.applied(consumer, events, started);
                return new Attempts(End.APPLIED, null);
            } catch (PoisonEventException e) {
                return new Attempts(End.FAILED, e);
            } catch (RuntimeException e) {
                LOG.debugf(e, "%s: attempt %d for %s failed", consumer, attempt, what);
                if (!databaseDown(consumer, e) && ++itsOwnFailures >= ATTEMPTS) {
                    return new Attempts(End.FAILED, e);
                }
                if (stopping) {
                    return new Attempts(End.STOPPING, e);
                }
                pause(attempt);
            }
        }
    }

    /**
     * Whether a failure is the database's rather than the event's, asked after every failed
     * attempt: only attempts failed with the database answering count against the event. Others
     * are tried again until it answers, holding the partition back meanwhile; dead-lettering them
     * would lose them to the projection.
     */
    private boolean databaseDown(String consumer, RuntimeException failure) {
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> entityManager.createNativeQuery("SELECT 1").getSingleResult());
            return false;
        } catch (RuntimeException e) {
            LOG.warnf(
                    "%s: the database is not answering (%s); holding events until it does",
                    consumer, failure.getMessage());
            return true;
        }
    }

    /**
     * Stopping: the event is neither acknowledged nor dead-lettered, so its offset is not
     * committed and the next start gets it again.
     */
    private static CompletionStage<Void> unacknowledged() {
        return new CompletableFuture<>();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /**
     * Applies events read some other way (a replay) in the caller's transaction, as {@link
     * #consumeBatch} does: those already processed by {@code consumer} are passed over.
     */
    public void applyAll(String consumer, List<IncomingEvent> events, Consumer<List<IncomingEvent>> handler) {
        handler.accept(fresh(consumer, events));
    }

    /** Records the events as processed by {@code consumer}; answers those that were not before, in order. */
    @SuppressWarnings("unchecked")
    private List<IncomingEvent> fresh(String consumer, List<IncomingEvent> events) {
        gates.forEach(ConsumerGate::enter);
        Set<String> inserted = new HashSet<>(entityManager
                .createNativeQuery(
                        """
                        INSERT INTO processed_event (consumer, event_id)
                        SELECT ?1, id FROM unnest(CAST(?2 AS varchar[])) AS id
                        ON CONFLICT DO NOTHING RETURNING event_id""")
                .setParameter(1, consumer)
                .setParameter(2, events.stream().map(IncomingEvent::id).toArray(String[]::new))
                .getResultList());
        List<IncomingEvent> fresh = new ArrayList<>();
        for (IncomingEvent event : events) {
            if (inserted.remove(event.id())) {
                fresh.add(event);
            }
        }
        return fresh;
    }

    private void applyOnce(String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
        gates.forEach(ConsumerGate::enter);
        int fresh = entityManager
                .createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .executeUpdate();
        if (fresh == 1) {
            handler.accept(event);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(5000L, 50L * attempt * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
