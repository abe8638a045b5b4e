package cn.bqw.platform.problem;

/**
 * The stable problem types every service answers with. Clients switch on {@link #uri()}; the
 * title is for humans and may be reworded.
 */
public enum ProblemType {
    VALIDATION("validation", "Request is not valid", 400),
    MALFORMED_REQUEST("malformed-request", "Request body cannot be read", 400),
    BAD_REQUEST("bad-request", "Bad request", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Representation not available", 406),
    REQUEST_TIMEOUT("request-timeout", "Request body too slow", 408),
    CONFLICT("conflict", "Conflict with the current state", 409),
    IDEMPOTENCY_IN_PROGRESS("idempotency-key-in-progress", "A request with this Idempotency-Key is running", 409),
    IMPORT_REJECTED("import-rejected", "Import rejected: nothing was stored", 409),
    APPROVED("approved", "The figures are approved and locked until they are returned", 409),
    PRECONDITION_FAILED("precondition-failed", "Resource has changed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    URI_TOO_LONG("uri-too-long", "Request URI too long", 414),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency-Key used for another request", 422),
    PRECONDITION_REQUIRED("precondition-required", "If-Match header required", 428),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests at once", 429),
    INTERNAL("internal", "Internal error", 500),
    UNAVAILABLE("unavailable", "Service unavailable", 503);

    private static final String BASE = "urn:bqw:problem:";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The type to answer with when all that is known is an HTTP status. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status
                    && type != VALIDATION
                    && type != MALFORMED_REQUEST
                    && type != IDEMPOTENCY_IN_PROGRESS
                    && type != IDEMPOTENCY_KEY_REUSED) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }
}
