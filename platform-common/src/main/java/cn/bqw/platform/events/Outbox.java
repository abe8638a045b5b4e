package cn.bqw.platform.events;

import cn.bqw.platform.jdbc.CopyIn;
import cn.bqw.platform.security.CurrentActor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Records events in the caller's transaction: the state change and its event commit together or
 * not at all. {@link OutboxRelay} publishes them after the commit.
 */
@ApplicationScoped
public class Outbox {

    /** Channel of PostgreSQL NOTIFY that wakes the relay when a transaction with events commits. */
    static final String CHANNEL = "bqw_outbox";

    private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', '')";

    /** Marks a transaction whose NOTIFY is already sent. */
    private static final Object NOTIFIED = new Object();

    /** Outbox rows for a bulk writer's own connection, and whether they carry their transaction's NOTIFY. */
    public record Rows(CopyIn events, boolean wakesRelay) {}

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentActor actor;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /** Adds {@code event} to the current transaction; answers the event's id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(DomainEvent event) {
        UUID id = UUID.randomUUID();
        entityManager
                .createNativeQuery(
                        """
                        INSERT INTO outbox_event (event_id, topic, event_key, type, source, actor, data, traceparent)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, id)
                .setParameter(2, event.topic().name())
                .setParameter(3, event.key())
                .setParameter(4, event.type())
                .setParameter(5, source)
                .setParameter(6, actor.name())
                .setParameter(7, toJson(event.data()))
                .setParameter(8, EventTraces.current())
                .executeUpdate();
        if (firstNotify()) {
            entityManager.createNativeQuery(NOTIFY).getSingleResult();
        }
        return id;
    }

    /**
     * Adds many events to the current transaction in one COPY, for bulk writes; Hibernate's pending
     * changes are flushed first so that the events follow the state they describe.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Session session = entityManager.unwrap(Session.class);
        session.flush();
        Rows rows = rowsOf(events);
        session.doWork(connection -> send(connection, rows));
    }

    /**
     * The outbox rows of {@code events}, for a bulk writer that sends them with its own statements
     * ({@link #send}) after the state they describe.
     */
    public Rows rowsOf(List<DomainEvent> events) {
        CopyIn rows = new CopyIn("outbox_event (event_id, topic, event_key, type, source, actor, data, traceparent)");
        String actor = this.actor.name();
        String traceparent = EventTraces.current();
        for (DomainEvent event : events) {
            rows.row(
                    UUID.randomUUID(),
                    event.topic().name(),
                    event.key(),
                    event.type(),
                    source,
                    actor,
                    toJson(event.data()),
                    traceparent);
        }
        // Decided here, in the transaction's thread: a bulk writer may send from another.
        return new Rows(rows, !events.isEmpty() && firstNotify());
    }

    /** Sends rows made by {@link #rowsOf}, and the NOTIFY that wakes the relay when the transaction commits. */
    public static void send(Connection connection, Rows rows) throws SQLException {
        rows.events().copy(connection);
        if (rows.wakesRelay()) {
            try (PreparedStatement notify = connection.prepareStatement(NOTIFY)) {
                notify.executeQuery().close();
            }
        }
    }

    /**
     * Whether the current transaction still has to send its NOTIFY, which is then taken as sent:
     * PostgreSQL delivers it once at commit however many events the transaction holds, so it is
     * asked once too (a step of a 5,000-unit approval batch paid a round trip for each).
     */
    private boolean firstNotify() {
        if (transaction.getResource(NOTIFIED) != null) {
            return false;
        }
        transaction.putResource(NOTIFIED, Boolean.TRUE);
        return true;
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON: " + data.getClass(), e);
        }
    }
}
