package cn.bqw.platform.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long {@link IdempotentRequests} keeps answers and reservations. */
@ConfigMapping(prefix = "bqw.idempotency")
public interface IdempotencyConfig {

    /** A retry later than this is a new request. */
    @WithDefault("PT24H")
    Duration retention();

    /** A reservation older than this belongs to a request that died; a retry may take it over. */
    @WithDefault("PT1H")
    Duration abandonedAfter();

    /** A scheduler interval like {@code 10m}, or {@code off} in a service that takes no keyed writes. */
    @WithDefault("10m")
    String purgeEvery();
}
