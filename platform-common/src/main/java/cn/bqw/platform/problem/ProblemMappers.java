package cn.bqw.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure to an {@code application/problem+json} answer. Client mistakes get a 4xx with
 * a stable type; only our own faults become a 500, and those never leak internals.
 *
 * <p>We write these ourselves: quarkus-resteasy-problem 3.21.0 breaks 401 handling on Quarkus 3.33.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response answer = answer(Problem.of(e.type(), e.getMessage(), path(uri), e.errors()));
        if (e.type() == ProblemType.IDEMPOTENCY_IN_PROGRESS
                || e.type() == ProblemType.UNAVAILABLE
                || e.type() == ProblemType.TOO_MANY_REQUESTS) {
            answer.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, "1");
        }
        return answer;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return answer(Problem.of(ProblemType.VALIDATION, detail, path(uri), errors));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = JsonErrors.path(e);
        return answer(Problem.of(
                ProblemType.VALIDATION,
                "unknown field '" + e.getPropertyName() + "'",
                path(uri),
                List.of(new Problem.FieldError(field, "unknown field"))));
    }

    /** Named on its own so that it wins over Quarkus's built-in mapper for this type. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = JsonErrors.path(mapping);
            String message = JsonErrors.describe(mapping);
            return answer(Problem.of(
                    ProblemType.VALIDATION,
                    field + ": " + message,
                    path(uri),
                    List.of(new Problem.FieldError(field, message))));
        }
        return answer(Problem.of(ProblemType.MALFORMED_REQUEST, e.getOriginalMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "the token's roles or regions do not allow this"
                : e.getMessage();
        return answer(Problem.of(ProblemType.FORBIDDEN, detail, path(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // The JSON reader wraps syntax errors; answer them like the ones it throws bare.
            return unreadableJson(unreadable, uri);
        }
        if (e.getCause() instanceof ProblemException refused) {
            // A parameter converter refused a query or path parameter, naming it.
            return problem(refused, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 for a query or path parameter it cannot convert: the client's mistake is a 400.
            return answer(Problem.of(ProblemType.BAD_REQUEST, "a query or path parameter cannot be read", path(uri)));
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), status, e.getMessage(), path(uri), List.of()));
        // Keep Allow on 405 so clients learn what is permitted.
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (lostRace(e)) {
            // Two writers passed If-Match on the same version; the database let one commit.
            return answer(Problem.of(
                    ProblemType.PRECONDITION_FAILED,
                    "the resource was changed by another request meanwhile; read it again and retry",
                    path(uri)));
        }
        if (duplicateKey(e)) {
            return answer(Problem.of(
                    ProblemType.CONFLICT,
                    "the resource was created by another request meanwhile; read it and retry with If-Match",
                    path(uri)));
        }
        if (DatabaseFailures.unavailable(e)) {
            // Overload or an outage, not a fault of the request: the client may send it again.
            LOG.warnf("database unavailable on %s: %s", path(uri), e.toString());
            return problem(
                    new ProblemException(
                            ProblemType.UNAVAILABLE,
                            "the database is busy or out of reach; send the request again shortly"),
                    uri);
        }
        if (clientGone(e)) {
            // After the database check, so that a reset connection to PostgreSQL stays a 503.
            // The client closed the connection (a timeout of its own, a cancelled stream): nothing
            // failed here and nobody will read this answer, so it is no ERROR in our log.
            LOG.debugf("client went away on %s: %s", path(uri), e.toString());
            return answer(Problem.of(ProblemType.BAD_REQUEST, "the client closed the connection", path(uri)));
        }
        LOG.errorf(e, "unexpected failure on %s", path(uri));
        return answer(Problem.of(ProblemType.INTERNAL, "an unexpected error occurred; it has been logged", path(uri)));
    }

    /** The client went away mid-request: its connection closed, reset or its HTTP/2 stream cancelled. */
    static boolean clientGone(Throwable e) {
        return DatabaseFailures.causes(e)
                .anyMatch(cause -> cause instanceof java.nio.channels.ClosedChannelException
                        || cause.getClass().getSimpleName().equals("StreamResetException")
                        || (cause instanceof java.io.IOException
                                && String.valueOf(cause.getMessage())
                                        .matches("(?i).*(connection reset|broken pipe).*")));
    }

    /** A version check at commit lost to a concurrent writer (JPA's or Hibernate's own exception). */
    static boolean lostRace(Throwable e) {
        return DatabaseFailures.causes(e)
                .anyMatch(cause -> cause instanceof jakarta.persistence.OptimisticLockException
                        || cause instanceof org.hibernate.StaleStateException);
    }

    /** A unique key taken by a concurrent insert (SQLSTATE 23505). */
    static boolean duplicateKey(Throwable e) {
        return DatabaseFailures.causes(e)
                .anyMatch(cause -> cause instanceof SQLException sql && "23505".equals(sql.getSQLState()));
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(ProblemType.UNAUTHORIZED, "a valid bearer token is required", path(uri)))
                .build();
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** "create.arg0.population" becomes "population": clients know fields, not Java method frames. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
