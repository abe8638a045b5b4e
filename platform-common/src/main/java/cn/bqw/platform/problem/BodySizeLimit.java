package cn.bqw.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body declared larger than {@code bqw.http.max-body-size} with a 413 problem, before
 * anything reads it. (Quarkus's own limit, set higher, answers an empty 413 and stays the backstop
 * for bodies sent without a length.)
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "bqw.http.max-body-size", defaultValue = "64M")
    MemorySize limit;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && isOver(length)) {
            RouteProblems.answer(
                    context,
                    json,
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "the body is " + length + " bytes; at most " + limit.asLongValue() + " are accepted",
                    true);
            return;
        }
        context.next();
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > limit.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
