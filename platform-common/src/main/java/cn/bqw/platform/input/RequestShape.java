package cn.bqw.platform.input;

import cn.bqw.platform.problem.ProblemType;
import cn.bqw.platform.problem.RouteProblems;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Refuses requests whose shape is already wrong, before any resource runs: a body without a
 * {@code Content-Type} (415: we do not guess what a body is), and matrix parameters ({@code
 * /indicators/A;DROP} would otherwise reach the resource as {@code A}).
 */
@ApplicationScoped
public class RequestShape {

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    /** Longer URIs are a 414 problem here; Vert.x's own limit, set far higher, answers a bare 414 beyond it. */
    static final int MAX_URI_LENGTH = 8192;

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri != null && uri.length() > MAX_URI_LENGTH) {
            refuse(context, ProblemType.URI_TOO_LONG, "the request URI is over " + MAX_URI_LENGTH + " characters");
            return;
        }
        String path = context.request().path();
        boolean api = path != null && path.startsWith("/api/");
        if (api && path.indexOf(';') >= 0) {
            refuse(context, ProblemType.BAD_REQUEST, "matrix parameters (';' in the path) are not accepted");
            return;
        }
        String query = context.request().query();
        if (api && query != null && query.indexOf(';') >= 0) {
            // Some servers split a query at ';', some do not: refuse the ambiguity rather than guess.
            refuse(context, ProblemType.BAD_REQUEST, "';' in the query is ambiguous; encode it as %3B");
            return;
        }
        if (hasBody(context) && context.request().getHeader("Content-Type") == null) {
            refuse(context, ProblemType.UNSUPPORTED_MEDIA_TYPE, "a request with a body must say its Content-Type");
            return;
        }
        context.next();
    }

    private static boolean hasBody(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            return false;
        }
        String length = context.request().getHeader("Content-Length");
        if (length != null) {
            return !length.trim().equals("0");
        }
        return context.request().getHeader("Transfer-Encoding") != null;
    }

    private void refuse(RoutingContext context, ProblemType type, String detail) {
        RouteProblems.answer(context, json, type, detail, false);
    }
}
