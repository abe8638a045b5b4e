package cn.bqw.platform.api;

import cn.bqw.platform.security.CurrentActor;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Runs an {@link Idempotent} endpoint once per Idempotency-Key; a replay answers the stored status
 * and body. Inside the parameters' validation (so a refused body claims no key) and inside
 * {@link Admitted} (so a write shed under load has not claimed one either).
 */
@Idempotent("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 950)
public class IdempotentEndpoint {

    @Inject
    IdempotentRequests requests;

    @Inject
    CurrentActor actor;

    @AroundInvoke
    Object once(InvocationContext call) throws Exception {
        Idempotent endpoint = call.getInterceptorBinding(Idempotent.class);
        return requests.once(
                endpoint.value() + ":" + actor.name(),
                requests.currentKey(),
                fingerprint(call.getParameters()),
                answer -> RestResponse.ResponseBuilder.<Object>create(answer.status())
                        .entity(answer.body())
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .build(),
                () -> (RestResponse<Object>) call.proceed());
    }

    /** The body parameter: the rows of a bulk body, or the one record a single write takes. */
    private Supplier<String> fingerprint(Object[] parameters) {
        return Arrays.stream(parameters)
                .filter(parameter -> parameter instanceof DigestedBody || parameter instanceof Record)
                .findFirst()
                .map(body -> body instanceof DigestedBody rows
                        ? requests.fingerprintOf(rows::bodyDigest)
                        : requests.fingerprintOfJson(body))
                .orElseThrow(() -> new IllegalStateException("an @Idempotent endpoint takes a body"));
    }
}
