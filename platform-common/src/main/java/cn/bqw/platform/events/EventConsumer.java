package cn.bqw.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies consumed events effectively once. Each event's projection change and its {@code
 * processed_event(consumer, event_id)} row commit in one transaction, so a redelivered event is a
 * no-op; the message is acknowledged only after that commit, so its offset is committed after it.
 * A record that is not a readable event, or that still fails after a few attempts, is nacked: the
 * channel's {@code dead-letter-queue} failure strategy sends it to the dead-letter topic with the
 * reason in its headers, and consumption goes on.
 *
 * <p>Use from an {@code @Incoming} {@code @Blocking} method: {@code return events.consume(message,
 * "report-regions", event -> ...)}.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    static final int ATTEMPTS = 3;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    public CompletionStage<Void> consume(Message<String> message, String consumer, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(message, json);
        } catch (PoisonEventException e) {
            return message.nack(e);
        }
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyOnce(consumer, event, handler));
                return message.ack();
            } catch (PoisonEventException e) {
                return message.nack(e);
            } catch (RuntimeException e) {
                failure = e;
                LOG.debugf(e, "%s: attempt %d for event %s failed", consumer, attempt, event.id());
                pause(attempt);
            }
        }
        return message.nack(failure);
    }

    private void applyOnce(String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
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
            Thread.sleep(50L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
