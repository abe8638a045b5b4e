package cn.bqw.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A consumed event: its CloudEvents attributes and its JSON data. */
public record IncomingEvent(
        String id, String type, String source, String subject, OffsetDateTime time, String actor, JsonNode data) {

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
        JsonNode data;
        try {
            data = json.readTree(message.getPayload());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("data is not JSON: " + e.getMessage() + where(message));
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("data is not a JSON object" + where(message));
        }
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
                data);
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
