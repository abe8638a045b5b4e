package cn.bqw.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts events straight onto a topic, as another service's relay would, for consumer tests. */
public final class TestEvents implements AutoCloseable {

    private final Producer<String, String> producer = new KafkaProducer<>(
            Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers()),
            new StringSerializer(),
            new StringSerializer());

    /** A CloudEvent in binary mode with a fresh id; answers the id. */
    public String send(String topic, String type, String key, String json) {
        String id = UUID.randomUUID().toString();
        send(topic, id, type, key, json);
        return id;
    }

    /** A CloudEvent in binary mode with the given id (send an id twice to redeliver). */
    public void send(String topic, String id, String type, String key, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_source", "test");
        header(record, "ce_type", type);
        header(record, "ce_subject", key);
        header(
                record,
                "ce_time",
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString());
        header(record, "content-type", "application/json");
        sendAndWait(record);
    }

    /** Any record at all, for poison tests. */
    public void sendRaw(ProducerRecord<String, String> record) {
        sendAndWait(record);
    }

    private void sendAndWait(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
