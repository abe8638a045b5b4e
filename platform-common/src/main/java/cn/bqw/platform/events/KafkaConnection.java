package cn.bqw.platform.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * How every Kafka client a service opens itself (the outbox relay, dead letters, the rebuild, the
 * lag probe) reaches the broker: the broker list and, where the broker asks for them, the TLS and
 * SASL settings — taken from the same {@code kafka.*} configuration the messaging connector uses
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_JAAS_CONFIG},
 * …), so that a secured cluster needs its settings in one place.
 */
@ApplicationScoped
public class KafkaConnection {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    /** The connection settings, as Kafka client properties. */
    public Map<String, Object> settings() {
        return connectionOnly(kafka);
    }

    /** A plain-text connection to {@code bootstrapServers} (tests, benchmarks, the local platform). */
    public static Map<String, Object> plain(String bootstrapServers) {
        return Map.of("bootstrap.servers", bootstrapServers);
    }

    /** Of a client configuration, only what says how to connect: consumer or producer tuning stays out. */
    static Map<String, Object> connectionOnly(Map<String, Object> config) {
        Map<String, Object> connection = new HashMap<>();
        config.forEach((name, value) -> {
            if (name.equals("bootstrap.servers")
                    || name.startsWith("security.")
                    || name.startsWith("sasl.")
                    || name.startsWith("ssl.")) {
                connection.put(name, value);
            }
        });
        return connection;
    }
}
