package cn.bqw.platform.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How many single writes an instance works on at once, and how long one may wait for a slot. */
@ConfigMapping(prefix = "bqw.writes")
public interface WriteAdmissionConfig {

    /** Writes at once: about the database pool, beyond which they would queue for connections. */
    @WithDefault("16")
    int maxInFlight();

    /** Writes waiting for a slot; one more is refused at once. */
    @WithDefault("64")
    int maxWaiting();

    /** The longest a write waits for a slot before it is refused. */
    @WithDefault("1s")
    Duration maxWait();
}
