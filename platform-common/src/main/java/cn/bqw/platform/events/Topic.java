package cn.bqw.platform.events;

import java.time.Duration;
import java.util.Map;

/**
 * A Kafka topic of the platform with the settings it is created with. Compacted topics keep the
 * latest state per key for ever (event-carried state); the others keep every event for their
 * retention.
 */
public record Topic(String name, int partitions, boolean compacted, Duration retention) {

    /** Where records that cannot be processed go, with the reason in their headers. */
    public String deadLetterName() {
        return name + ".dlq";
    }

    /** The topic-level configuration, as Kafka and Strimzi's KafkaTopic spell it. */
    public Map<String, String> config() {
        return Map.of(
                "cleanup.policy", compacted ? "compact" : "delete",
                "retention.ms", retention == null ? "-1" : Long.toString(retention.toMillis()));
    }
}
