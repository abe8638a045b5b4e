package cn.bqw.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a service does on Kafka, read from its code: the topics it publishes (the send operations of
 * its AsyncAPI document), consumes and dead-letters (its incoming channels), and its consumer groups
 * — as the ACL lines a {@code KafkaUser} must hold, "type name Operation".
 */
final class KafkaAccess {

    private KafkaAccess() {}

    static Set<String> of(String service) throws IOException {
        Set<String> acls = new TreeSet<>();
        for (String topic : published(service)) {
            acls.add("topic " + topic + " Write");
            acls.add("topic " + topic + " Describe");
        }
        Properties properties = new Properties();
        properties.load(new StringReader(
                Files.readString(Path.of("..", service, "src/main/resources/application.properties"))));
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                String topic = properties.getProperty(key);
                acls.add("topic " + topic + " Read");
                acls.add("topic " + topic + " Describe");
                // A record no code can apply goes to the topic's dead letters (platform-common DeadLetters).
                acls.add("topic " + topic + ".dlq Write");
                acls.add("topic " + topic + ".dlq Describe");
            }
            if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                acls.add("group " + properties.getProperty(key) + " Read");
                acls.add("group " + properties.getProperty(key) + " Describe");
            }
        }
        return acls;
    }

    /** The ACL lines a rendered KafkaUser holds. */
    static Set<String> granted(JsonNode user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            for (JsonNode operation : acl.path("operations")) {
                acls.add(acl.at("/resource/type").asText() + " "
                        + acl.at("/resource/name").asText() + " " + operation.asText());
            }
        }
        return acls;
    }

    private static Set<String> published(String service) throws IOException {
        Path document = Path.of("..", service, "src/main/asyncapi/asyncapi.yaml");
        Set<String> topics = new TreeSet<>();
        if (!Files.exists(document)) {
            return topics;
        }
        JsonNode asyncApi = new ObjectMapper(new YAMLFactory()).readTree(document.toFile());
        for (JsonNode operation : asyncApi.path("operations")) {
            if ("send".equals(operation.path("action").asText())) {
                String channel = operation.at("/channel/$ref").asText().replace("#/channels/", "");
                topics.add(
                        asyncApi.path("channels").path(channel).path("address").asText());
            }
        }
        return topics;
    }
}
