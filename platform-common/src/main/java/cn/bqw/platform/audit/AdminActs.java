package cn.bqw.platform.audit;

import cn.bqw.platform.api.CanonicalJson;
import cn.bqw.platform.api.Page;
import cn.bqw.platform.jdbc.Timestamps;
import cn.bqw.platform.security.CurrentActor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The record of administrative acts — what changes how the platform runs rather than a region's
 * data: who did it, when, to what, with which parameters (and a SHA-256 of them in canonical JSON,
 * so two acts with the same parameters are recognisably the same), and how it ended.
 */
@ApplicationScoped
public class AdminActs {

    /** The length of {@code admin_act.outcome} (its migration). */
    static final int OUTCOME_LENGTH = 2_000;

    /** One act as {@code GET /api/v1/audit} lists it. */
    @Schema(
            example =
                    "{\"id\":7,\"at\":\"2026-11-30T09:00:00Z\",\"actor\":\"admin-ops\",\"action\":\"lock.delete\",\"target\":\"12\",\"parameters\":{\"id\":12},\"digest\":\"5f…\",\"outcome\":\"reopened\"}")
    public record Act(
            long id,
            OffsetDateTime at,
            String actor,
            String action,
            String target,
            JsonNode parameters,
            String digest,
            String outcome) {}

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentActor currentActor;

    /** Records an act by the caller, in the caller's transaction when there is one. */
    @Transactional
    public void record(String action, String target, Object parameters, String outcome) {
        record(currentActor.name(), action, target, parameters, outcome);
    }

    /** Records an act on behalf of {@code actor}: the outcome of work that outlived its request. */
    @Transactional
    public void record(String actor, String action, String target, Object parameters, String outcome) {
        JsonNode canonical = CanonicalJson.of(json.valueToTree(parameters));
        entityManager
                .createNativeQuery(
                        """
                        INSERT INTO admin_act (actor, action, target, parameters, digest, outcome)
                        VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5, ?6)""")
                .setParameter(1, actor)
                .setParameter(2, action)
                .setParameter(3, target)
                .setParameter(4, canonical.toString())
                .setParameter(5, CanonicalJson.sha256(canonical))
                .setParameter(6, fitted(outcome))
                .executeUpdate();
    }

    /**
     * The outcome cut to the column's 2,000 characters: an act whose outcome runs long (a failed
     * statement's message, a long list of events passed over) is still put on record.
     */
    static String fitted(String outcome) {
        return outcome == null || outcome.length() <= OUTCOME_LENGTH
                ? outcome
                : outcome.substring(0, OUTCOME_LENGTH - 1) + "…";
    }

    /** Acts, newest first, optionally of one action and within [from, to). */
    @Transactional
    public Page<Act> list(String action, Instant from, Instant to, int page, int size) {
        Page.requireReachable(page, size);
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> parameters = new ArrayList<>();
        if (action != null) {
            parameters.add(action);
            where.append(" AND action = ?").append(parameters.size());
        }
        if (from != null) {
            parameters.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            where.append(" AND at >= ?").append(parameters.size());
        }
        if (to != null) {
            parameters.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            where.append(" AND at < ?").append(parameters.size());
        }
        Query count = entityManager.createNativeQuery("SELECT count(*) FROM admin_act" + where);
        Query rows = entityManager.createNativeQuery(
                "SELECT id, at, actor, action, target, CAST(parameters AS text), digest, outcome FROM admin_act" + where
                        + " ORDER BY id DESC",
                Object[].class);
        for (int i = 0; i < parameters.size(); i++) {
            count.setParameter(i + 1, parameters.get(i));
            rows.setParameter(i + 1, parameters.get(i));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<Act> items = new ArrayList<>();
        for (Object row : rows.setFirstResult(page * size).setMaxResults(size).getResultList()) {
            Object[] cells = (Object[]) row;
            items.add(new Act(
                    ((Number) cells[0]).longValue(),
                    Timestamps.offsetDateTime(cells[1]),
                    (String) cells[2],
                    (String) cells[3],
                    (String) cells[4],
                    readTree((String) cells[5]),
                    ((String) cells[6]).trim(),
                    (String) cells[7]));
        }
        return new Page<>(items, total, page, size);
    }

    private JsonNode readTree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("admin_act.parameters is not JSON", e);
        }
    }
}
