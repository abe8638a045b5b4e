package cn.bqw.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox: its relay to Kafka, and how long sent rows are kept. */
@ConfigMapping(prefix = "bqw.outbox")
public interface OutboxConfig {

    Relay relay();

    /** Sent rows are kept this long, then purged. */
    @WithDefault("P7D")
    Duration retention();

    @WithDefault("PT10M")
    Duration purgeEvery();

    interface Relay {

        /** On in a service that publishes; off in tests that read the outbox table themselves. */
        @WithDefault("false")
        boolean enabled();

        /** Rows read and sent at a time. */
        @WithDefault("500")
        int batchSize();

        /** How long the relay waits for a NOTIFY when the outbox is empty. */
        @WithDefault("PT1S")
        Duration idleWait();
    }
}
