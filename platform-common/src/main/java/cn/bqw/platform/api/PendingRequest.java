package cn.bqw.platform.api;

import jakarta.enterprise.context.RequestScoped;
import java.util.function.Supplier;

/**
 * The fingerprint of the request whose Idempotency-Key is reserved, for {@link
 * IdempotentRequests#remember} to store beside its answer (inside the writer's transaction, deep
 * below the resource that knows the request).
 */
@RequestScoped
public class PendingRequest {

    Supplier<String> fingerprint;
}
