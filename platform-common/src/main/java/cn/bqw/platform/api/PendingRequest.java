package cn.bqw.platform.api;

import jakarta.enterprise.context.RequestScoped;
import java.util.function.Supplier;

/**
 * The request whose Idempotency-Key is reserved: its key's scope, the key and its fingerprint, for
 * {@link IdempotentRequests#remember} to store the answer under (inside the writer's transaction,
 * deep below the resource that knows the request).
 */
@RequestScoped
public class PendingRequest {

    String scope;
    String key;
    Supplier<String> fingerprint;
}
