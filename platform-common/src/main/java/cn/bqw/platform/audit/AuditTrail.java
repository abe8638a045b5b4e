package cn.bqw.platform.audit;

import cn.bqw.platform.security.CurrentActor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;

/** Records every write in the writer's transaction, and answers an aggregate's history. */
@ApplicationScoped
public class AuditTrail {

    /** One change: who, when, what, and the states before and after (null where there was none). */
    @Schema(
            example =
                    "{\"actor\":\"editor-dongxian\",\"at\":\"2025-06-30T08:00:00Z\",\"action\":\"UPDATED\",\"before\":{\"nameZh\":\"旧村\",\"version\":0},\"after\":{\"nameZh\":\"新村\",\"version\":1}}")
    public record Entry(String actor, OffsetDateTime at, String action, JsonNode before, JsonNode after) {}

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentActor actor;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String aggregateType, String key, String action, Object before, Object after) {
        entityManager
                .createNativeQuery(
                        """
                        INSERT INTO audit_entry (aggregate_type, aggregate_key, action, actor, before, after)
                        VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), CAST(?6 AS jsonb))""")
                .setParameter(1, aggregateType)
                .setParameter(2, key)
                .setParameter(3, action)
                .setParameter(4, actor.name())
                .setParameter(5, toJson(before))
                .setParameter(6, toJson(after))
                .executeUpdate();
    }

    /** One change to record in bulk. */
    public record Change(String aggregateType, String key, String action, Object before, Object after) {}

    /** Records many changes in one JDBC batch, for bulk writes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Session session = entityManager.unwrap(Session.class);
        session.flush();
        String actorName = actor.name();
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit_entry (aggregate_type, aggregate_key, action, actor, before, after)"
                            + " VALUES (?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))")) {
                for (Change change : changes) {
                    insert.setString(1, change.aggregateType());
                    insert.setString(2, change.key());
                    insert.setString(3, change.action());
                    insert.setString(4, actorName);
                    insert.setString(5, toJson(change.before()));
                    insert.setString(6, toJson(change.after()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The aggregate's changes, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Entry> history(String aggregateType, String key) {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT actor, at, action, CAST(before AS text), CAST(after AS text) FROM audit_entry
                        WHERE aggregate_type = ?1 AND aggregate_key = ?2 ORDER BY id""")
                .setParameter(1, aggregateType)
                .setParameter(2, key)
                .getResultList();
        return rows.stream()
                .map(row -> new Entry(
                        (String) row[0],
                        toOffsetDateTime(row[1]),
                        (String) row[2],
                        readJson((String) row[3]),
                        readJson((String) row[4])))
                .toList();
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    private String toJson(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot audit " + value.getClass(), e);
        }
    }

    private JsonNode readJson(String value) {
        try {
            return value == null ? null : json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry is not JSON", e);
        }
    }
}
