package cn.bqw.platform.api;

import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Answers a write sent with an {@code Idempotency-Key} once: a client retrying over a bad network
 * gets the first answer again ({@code Idempotency-Replayed: true}) instead of a second effect. Keys
 * are scoped per endpoint and caller, and bound to the request that first used them: the same key
 * with another request is a 422. While the first request runs its key is reserved, so a concurrent
 * duplicate gets a 409 instead of running twice. Answers expire after {@code
 * bqw.idempotency.retention} and are purged.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    /** The header as the API documents it on each endpoint that takes it. */
    public static final String HEADER_DESCRIPTION =
            "A unique key for this write (a UUID): sent again with the same request, it gets the first answer"
                    + " again (Idempotency-Replayed: true) instead of a second effect";

    static final int MAX_KEY_LENGTH = 255;

    /** A remembered answer. */
    public record Answer(int status, String body) {}

    /** What a key's row holds: an answer, or nothing yet while its request runs. */
    private record Stored(Integer status, String body, String fingerprint, OffsetDateTime createdAt) {}

    @Inject
    EntityManager entityManager;

    @Inject
    PendingRequest pending;

    @Inject
    CurrentVertxRequest http;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Inject
    IdempotencyConfig config;

    /** How a replayed answer is turned back into a response. */
    public interface Replay<T> {
        RestResponse<T> answer(Answer answer) throws Exception;
    }

    /**
     * Runs {@code work} once for {@code key} (no key: every time). {@code fingerprint} names the
     * request (see {@link #fingerprint}); it is asked for only when the key was used before, and
     * when the answer is remembered.
     */
    public <T> RestResponse<T> once(
            String scope, String key, Supplier<String> fingerprint, Replay<T> replay, Callable<RestResponse<T>> work)
            throws Exception {
        if (key == null) {
            return work.call();
        }
        requireWellFormed(key);
        Optional<Stored> previous = claim(scope, key);
        if (previous.isPresent()) {
            Stored stored = previous.get();
            if (stored.status() == null) {
                throw new ProblemException(
                        ProblemType.IDEMPOTENCY_IN_PROGRESS,
                        "a request with this Idempotency-Key is still running; send it again shortly for its answer");
            }
            if (stored.fingerprint() != null && !stored.fingerprint().equals(fingerprint.get())) {
                throw new ProblemException(
                        ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was used for another request; use a new key for a new request");
            }
            RestResponse<T> answer = replay.answer(new Answer(stored.status(), stored.body()));
            answer.getHeaders().putSingle("Idempotency-Replayed", "true");
            return answer;
        }
        pending.scope = scope;
        pending.key = key;
        pending.fingerprint = fingerprint;
        try {
            return work.call();
        } finally {
            pending.fingerprint = null;
            releaseIfUnanswered(scope, key);
        }
    }

    /** The current request's Idempotency-Key, null without one. */
    public String currentKey() {
        return http.getCurrent().request().getHeader(HEADER);
    }

    /**
     * Remembers the answer to the request being run once (nothing without one). Joins the writer's
     * transaction, so that the answer is remembered exactly when the effect commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(int status, String body) {
        if (pending.fingerprint == null) {
            return;
        }
        String scope = pending.scope;
        String key = pending.key;
        entityManager
                .createNativeQuery("UPDATE idempotent_request SET status = ?3, body = ?4, fingerprint = ?5"
                        + " WHERE scope = ?1 AND key = ?2")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, status)
                .setParameter(4, body)
                .setParameter(5, pending.fingerprint.get())
                .executeUpdate();
    }

    /** A request's identity: method, path, query and a digest of its body (or of its canonical form). */
    private static String fingerprint(String method, String path, String query, byte[] bodyDigest) {
        MessageDigest sha = sha256();
        sha.update((method + " " + path + "?" + (query == null ? "" : query) + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(bodyDigest);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The current request's fingerprint, its body named by {@code bodyDigest} (asked for only when needed). */
    public Supplier<String> fingerprintOf(Supplier<byte[]> bodyDigest) {
        HttpServerRequest request = http.getCurrent().request();
        String method = request.method().name();
        String path = request.path();
        String query = request.query();
        return () -> fingerprint(method, path, query, bodyDigest.get());
    }

    /** The current request's fingerprint, its body the canonical JSON of {@code body} as read. */
    public Supplier<String> fingerprintOfJson(Object body) {
        return fingerprintOf(() -> {
            try {
                return sha256().digest(json.writeValueAsBytes(body));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("a request body read from JSON is written back as JSON", e);
            }
        });
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(every = "${bqw.idempotency.purge-every:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void purgeExpired() {
        entityManager
                .createNativeQuery("DELETE FROM idempotent_request WHERE created_at < ?1")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention()))
                .executeUpdate();
    }

    private static void requireWellFormed(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.invalid(
                    HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters (a UUID, for example)");
        }
    }

    /**
     * Reserves the key in a transaction of its own, committed before the work starts, so that a
     * concurrent duplicate sees it; an expired answer or an abandoned reservation is taken over.
     * Empty when this request now holds the key; else what the key holds.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Stored> claim(String scope, String key) {
        int reserved = entityManager
                .createNativeQuery("INSERT INTO idempotent_request (scope, key) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, scope)
                .setParameter(2, key)
                .executeUpdate();
        if (reserved == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT status, body, fingerprint, created_at FROM idempotent_request"
                        + " WHERE scope = ?1 AND key = ?2 FOR UPDATE")
                .setParameter(1, scope)
                .setParameter(2, key)
                .getResultList();
        if (rows.isEmpty()) {
            // Released or purged between the two statements: reserve it now.
            return claim(scope, key);
        }
        Object[] row = rows.get(0);
        Stored stored = new Stored(
                row[0] == null ? null : ((Number) row[0]).intValue(),
                (String) row[1],
                (String) row[2],
                toOffset(row[3]));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean expired = stored.createdAt().isBefore(now.minus(config.retention()));
        boolean abandoned = stored.status() == null && stored.createdAt().isBefore(now.minus(config.abandonedAfter()));
        if (expired || abandoned) {
            entityManager
                    .createNativeQuery("UPDATE idempotent_request SET status = NULL, body = NULL, fingerprint = NULL,"
                            + " created_at = now() WHERE scope = ?1 AND key = ?2")
                    .setParameter(1, scope)
                    .setParameter(2, key)
                    .executeUpdate();
            return Optional.empty();
        }
        return Optional.of(stored);
    }

    /** A request that failed, or ran dry, leaves no answer: its key is free for the retry. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void releaseIfUnanswered(String scope, String key) {
        entityManager
                .createNativeQuery("DELETE FROM idempotent_request WHERE scope = ?1 AND key = ?2 AND status IS NULL")
                .setParameter(1, scope)
                .setParameter(2, key)
                .executeUpdate();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
