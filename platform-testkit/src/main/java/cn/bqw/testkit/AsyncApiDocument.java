package cn.bqw.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads a service's AsyncAPI 3 document, so that a test can hold it against the code. */
public final class AsyncApiDocument {

    /** A documented message: its event type, the topic it travels on, and its payload's fields. */
    public record Message(String type, String topic, Set<String> payloadFields) {}

    /** A documented topic's Kafka settings. */
    public record Channel(String topic, int partitions, String cleanupPolicy, long retentionMs) {}

    private final JsonNode root;

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    public static AsyncApiDocument read(Path file) {
        try {
            return new AsyncApiDocument(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return root.path("asyncapi").asText();
    }

    /** Every message that some channel carries, by event type. */
    public Map<String, Message> messages() {
        Map<String, Message> messages = new HashMap<>();
        for (Iterator<JsonNode> channels = root.path("channels").elements(); channels.hasNext(); ) {
            JsonNode channel = channels.next();
            for (Iterator<JsonNode> refs = channel.path("messages").elements(); refs.hasNext(); ) {
                JsonNode message = resolve(refs.next());
                JsonNode payload = resolve(message.path("payload"));
                Set<String> fields = new TreeSet<>();
                payload.path("properties").fieldNames().forEachRemaining(fields::add);
                String type = message.path("name").asText();
                messages.put(type, new Message(type, channel.path("address").asText(), fields));
            }
        }
        return messages;
    }

    /** Every channel's Kafka settings, by topic. */
    public Map<String, Channel> channels() {
        Map<String, Channel> channels = new HashMap<>();
        for (Iterator<JsonNode> all = root.path("channels").elements(); all.hasNext(); ) {
            JsonNode channel = all.next();
            JsonNode kafka = channel.path("bindings").path("kafka");
            JsonNode topicConfig = kafka.path("topicConfiguration");
            String topic = channel.path("address").asText();
            channels.put(
                    topic,
                    new Channel(
                            topic,
                            kafka.path("partitions").asInt(),
                            topicConfig.path("cleanup.policy").path(0).asText(),
                            topicConfig.path("retention.ms").asLong()));
        }
        return channels;
    }

    /** Follows a local {@code $ref} like {@code #/components/messages/x}. */
    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        return resolve(root.at(ref.asText().substring(1)));
    }
}
