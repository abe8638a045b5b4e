package cn.bqw.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Remembers the answers to POSTs sent with an {@code Idempotency-Key}, so that a client retrying over
 * a bad network gets the first answer again instead of a second effect. Keys are scoped per
 * endpoint and caller.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";

    /** A remembered answer. */
    public record Answer(int status, String body) {}

    @Inject
    EntityManager entityManager;

    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<Answer> previous(String scope, String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT status, body FROM idempotent_request WHERE scope = ?1 AND key = ?2")
                .setParameter(1, scope)
                .setParameter(2, key)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Answer(((Number) row[0]).intValue(), (String) row[1]));
    }

    /** Joins the writer's transaction, so that the answer is remembered exactly when the effect commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String scope, String key, int status, String body) {
        if (key == null || key.isBlank()) {
            return;
        }
        entityManager
                .createNativeQuery("INSERT INTO idempotent_request (scope, key, status, body) VALUES (?1, ?2, ?3, ?4)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, status)
                .setParameter(4, body)
                .executeUpdate();
    }
}
