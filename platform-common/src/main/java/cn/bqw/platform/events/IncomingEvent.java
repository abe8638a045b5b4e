package cn.bqw.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A consumed event: its CloudEvents attributes and its JSON data. */
public record IncomingEvent(
        String id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String actor,
        JsonNode data,
        String traceparent) {

    /**
     * Reads an event from a Kafka message whose CloudEvents headers the connector has parsed.
     *
     * @throws PoisonEventException when the record is not a readable event; retrying cannot help
     */
    @SuppressWarnings("unchecked")
    public static IncomingEvent from(Message<String> message, ObjectMapper json) {
        IncomingKafkaCloudEventMetadata<String, String> cloudEvent = message.getMetadata(
                        IncomingKafkaCloudEventMetadata.class)
                .orElseThrow(() -> new PoisonEventException("not a CloudEvent: no ce_* headers" + where(message)));
        if (cloudEvent.getId() == null || cloudEvent.getType() == null) {
            throw new PoisonEventException("CloudEvent without id or type" + where(message));
        }
        JsonNode data = object(message.getPayload(), json, where(message));
        return new IncomingEvent(
                cloudEvent.getId(),
                cloudEvent.getType(),
                cloudEvent.getSource() == null ? null : cloudEvent.getSource().toString(),
                cloudEvent.getSubject().orElse(null),
                cloudEvent.getTimeStamp().map(ZonedDateTime::toOffsetDateTime).orElse(null),
                cloudEvent
                        .getExtension(CloudEventHeaders.ACTOR_EXTENSION)
                        .map(Object::toString)
                        .orElse(null),
                data,
                cloudEvent
                        .getExtension(EventTraces.EXTENSION)
                        .map(Object::toString)
                        .orElse(null));
    }

    /**
     * Reads an event from a record consumed in a batch, where the connector parses no CloudEvents
     * metadata: straight from its {@code ce_*} headers (binary mode).
     *
     * @throws PoisonEventException when the record is not a readable event
     */
    public static IncomingEvent from(ConsumerRecord<String, String> record, ObjectMapper json) {
        String where = " (" + record.topic() + "-" + record.partition() + "@" + record.offset() + ")";
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new PoisonEventException("not a CloudEvent: no ce_id or ce_type header" + where);
        }
        String time = header(record, CloudEventHeaders.TIME);
        OffsetDateTime at;
        try {
            at = time == null ? null : OffsetDateTime.parse(time);
        } catch (java.time.format.DateTimeParseException e) {
            throw new PoisonEventException("ce_time is not a time: " + time + where);
        }
        return new IncomingEvent(
                id,
                type,
                header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT),
                at,
                header(record, CloudEventHeaders.ACTOR),
                object(record.value(), json, where),
                header(record, CloudEventHeaders.TRACEPARENT));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode object(String payload, ObjectMapper json, String where) {
        JsonNode data;
        try {
            data = payload == null ? null : json.readTree(payload);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("data is not JSON: " + e.getMessage() + where);
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("data is not a JSON object" + where);
        }
        return data;
    }

    /** The data as the record type a consumer expects. */
    public <T> T dataAs(Class<T> type, ObjectMapper json) {
        try {
            return json.treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException(
                    "data of " + type() + " " + id() + " does not fit " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String where(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> " (" + m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset() + ")")
                .orElse("");
    }
}
