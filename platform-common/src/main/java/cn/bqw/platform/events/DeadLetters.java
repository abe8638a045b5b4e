package cn.bqw.platform.events;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends a consumed record that cannot be applied to a dead-letter topic, as the connector's
 * dead-letter strategy does for single messages: same key, value and headers, plus {@code
 * dead-letter-reason} and where it came from. Waits for the broker, so that the record is kept
 * before its offset is committed.
 */
@ApplicationScoped
public class DeadLetters {

    @Inject
    KafkaConnection kafka;

    private KafkaProducer<String, String> producer;

    public synchronized void send(String topic, ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, record.key(), record.value());
        record.headers().forEach(dead.headers()::add);
        header(dead, "dead-letter-reason", reason == null ? "unknown" : reason);
        header(dead, "dead-letter-topic", record.topic());
        header(dead, "dead-letter-partition", Integer.toString(record.partition()));
        header(dead, "dead-letter-offset", Long.toString(record.offset()));
        try {
            producer().send(dead).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + record.topic(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot dead-letter a record of " + record.topic(), e.getCause());
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(kafka.settings());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
