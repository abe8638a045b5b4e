package cn.bqw.platform.events;

import cn.bqw.platform.security.CurrentActor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
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

    @Inject
    EntityManager entityManager;

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
                        INSERT INTO outbox_event (event_id, topic, event_key, type, source, actor, data)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, id)
                .setParameter(2, event.topic().name())
                .setParameter(3, event.key())
                .setParameter(4, event.type())
                .setParameter(5, source)
                .setParameter(6, actor.name())
                .setParameter(7, toJson(event.data()))
                .executeUpdate();
        // Delivered at commit, once per transaction however many events it holds.
        entityManager
                .createNativeQuery("SELECT pg_notify('" + CHANNEL + "', '')")
                .getSingleResult();
        return id;
    }

    /**
     * Adds many events to the current transaction in one JDBC batch, for bulk writes; Hibernate's
     * pending changes are flushed first so that the events follow the state they describe.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Session session = entityManager.unwrap(Session.class);
        session.flush();
        String source = this.source;
        String actor = this.actor.name();
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO outbox_event (event_id, topic, event_key, type, source, actor, data)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('" + CHANNEL + "', '')")) {
                for (DomainEvent event : events) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, event.topic().name());
                    insert.setString(3, event.key());
                    insert.setString(4, event.type());
                    insert.setString(5, source);
                    insert.setString(6, actor);
                    insert.setString(7, toJson(event.data()));
                    insert.addBatch();
                }
                insert.executeBatch();
                notify.executeQuery().close();
            }
        });
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON: " + data.getClass(), e);
        }
    }
}
