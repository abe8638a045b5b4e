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
        return answer(Problem.of(e.type(), e.getMessage(), path(uri), e.errors()));
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
        int status = e.getResponse().getStatus();
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
        if (databaseUnavailable(e)) {
            // Overload or an outage, not a fault of the request: the client may send it again.
            LOG.warnf("database unavailable on %s: %s", path(uri), e.toString());
            return Response.status(ProblemType.UNAVAILABLE.status())
                    .type(Problem.MEDIA_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, "1")
                    .entity(Problem.of(
                            ProblemType.UNAVAILABLE,
                            "the database is busy or out of reach; send the request again shortly",
                            path(uri)))
                    .build();
        }
        LOG.errorf(e, "unexpected failure on %s", path(uri));
        return answer(Problem.of(ProblemType.INTERNAL, "an unexpected error occurred; it has been logged", path(uri)));
    }

    /**
     * No connection could be had: the pool's wait for a free connection ran out (Agroal says so only
     * in its message), or PostgreSQL refused or dropped it (SQLSTATE class 08, or 57P for a
     * shutting-down server).
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && (state.startsWith("08") || state.startsWith("57P")))
                        || String.valueOf(sql.getMessage()).contains("acquisition timeout")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
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
