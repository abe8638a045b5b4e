package cn.bqw.platform.events;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs an {@link OutboxPublisher} in every service that publishes events ({@code
 * bqw.outbox.relay.enabled=true}), with its metrics: {@code bqw_outbox_backlog}, {@code
 * bqw_outbox_oldest_unsent_seconds}, {@code bqw_outbox_published_total}, {@code
 * bqw_outbox_failures_total}.
 */
@ApplicationScoped
public class OutboxRelay {

    @Inject
    OutboxConfig config;

    @Inject
    KafkaConnection kafka;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    private final OutboxPublisher.Stats stats = new OutboxPublisher.Stats();
    private Producer<String, String> producer;
    private OutboxPublisher publisher;

    void start(@Observes StartupEvent startup) {
        if (!config.relay().enabled()) {
            return;
        }
        Gauge.builder("bqw.outbox.backlog", stats.backlog, AtomicLong::get)
                .description("Outbox rows not yet published")
                .register(registry);
        Gauge.builder("bqw.outbox.oldest.unsent.seconds", stats.oldestUnsentAgeMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest unpublished outbox row")
                .register(registry);
        FunctionCounter.builder("bqw.outbox.published", stats.published, AtomicLong::get)
                .description("Events published to Kafka")
                .register(registry);
        FunctionCounter.builder("bqw.outbox.failures", stats.failures, AtomicLong::get)
                .description("Failed publishing attempts (each retried)")
                .register(registry);
        producer = newProducer(kafka.settings(), application + "-outbox");
        publisher = new OutboxPublisher("outbox-relay", dataSource, producer, settings(), stats).start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (publisher != null) {
            publisher.close();
            producer.close(Duration.ofSeconds(5));
        }
    }

    public OutboxPublisher.Settings settings() {
        return new OutboxPublisher.Settings(
                config.relay().batchSize(), config.relay().idleWait(), config.retention(), config.purgeEvery());
    }

    public OutboxPublisher.Stats stats() {
        return stats;
    }

    /**
     * An idempotent, all-replica-acknowledged producer that gives up on an unreachable broker
     * within seconds, so that the relay backs off and retries rather than hanging.
     */
    public static Producer<String, String> newProducer(Map<String, Object> connection, String clientId) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
