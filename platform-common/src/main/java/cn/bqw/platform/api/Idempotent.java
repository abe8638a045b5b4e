package cn.bqw.platform.api;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a write endpoint that takes an {@code Idempotency-Key}: the write runs once per key
 * ({@link IdempotentRequests}), a retry gets the first answer again. The method's body parameter
 * names the request: a {@link DigestedBody} (a bulk body) by the digest of the bytes sent, any other body by its canonical JSON. The writer's transaction stores the answer through
 * {@link IdempotentRequests#remember}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    /** The endpoint's name, like {@code observations:batch}: keys are scoped per endpoint and caller. */
    @Nonbinding
    String value();
}
