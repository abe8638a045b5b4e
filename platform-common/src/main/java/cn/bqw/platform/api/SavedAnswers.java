package cn.bqw.platform.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/** The answer to a PUT that creates or replaces: 201 with Location when new, else 200; ETag either way. */
public final class SavedAnswers {

    private SavedAnswers() {}

    /** {@code pathTemplate} like {@code /api/v1/villages/{code}}, filled with {@code keys}. */
    public static <S extends Record> Response of(Change<S> saved, long version, String pathTemplate, Object... keys) {
        Response.ResponseBuilder answer = saved.effect() == WriteEffect.CREATED
                ? Response.created(UriBuilder.fromPath(pathTemplate).build(keys))
                : Response.ok();
        return answer.tag(Versions.tag(version)).entity(saved.after()).build();
    }
}
