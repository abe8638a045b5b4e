package cn.bqw.platform.api;

import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.RestResponse;

/** The answer to a PUT that creates or replaces: 201 with Location when new, else 200; ETag either way. */
public final class SavedAnswers {

    private SavedAnswers() {}

    /** {@code pathTemplate} like {@code /api/v1/villages/{code}}, filled with {@code keys}. */
    public static <S extends Record & Versioned> RestResponse<S> of(
            Change<S> saved, String pathTemplate, Object... keys) {
        RestResponse.ResponseBuilder<S> answer = saved.effect() == WriteEffect.CREATED
                ? RestResponse.ResponseBuilder.created(
                        UriBuilder.fromPath(pathTemplate).build(keys))
                : RestResponse.ResponseBuilder.ok();
        return answer.tag(Versions.tag(saved.after().version()))
                .entity(saved.after())
                .build();
    }
}
