package cn.bqw.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;

/** Answers a problem from a Vert.x route, for checks made before any resource runs. */
public final class RouteProblems {

    private RouteProblems() {}

    /** Ends the exchange with {@code type}'s status and a problem+json body; {@code close}: drop the connection after. */
    public static void answer(
            RoutingContext context, ObjectMapper json, ProblemType type, String detail, boolean close) {
        String body;
        try {
            body = json.writeValueAsString(
                    Problem.of(type, detail, context.request().path()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (close) {
            context.response().putHeader("Connection", "close");
        }
        context.response().end(body);
    }
}
