package cn.bqw.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The consumers' record of processed events ({@link ProcessedEvents}). */
@ConfigMapping(prefix = "bqw.inbox")
public interface InboxConfig {

    /** Past the topics' redelivery horizon: a record older than this is purged. */
    @WithDefault("P7D")
    Duration retention();

    /** A scheduler interval like {@code 10m}, or {@code off}. */
    @WithDefault("10m")
    String purgeEvery();
}
