package cn.bqw.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds a service's AsyncAPI document against its code: the same event types on the same topics,
 * each payload with the fields of its record, and every documented topic with the settings the
 * code creates it with (partitions, cleanup policy, retention in ms).
 */
public final class EventCatalogueContract {

    private EventCatalogueContract() {}

    public static void check(
            Path document,
            Map<String, String> topicByType,
            Map<String, Set<String>> fieldsByType,
            Map<String, List<String>> topicSettings) {
        AsyncApiDocument asyncApi = AsyncApiDocument.read(document);
        assertEquals("3.0.0", asyncApi.version());
        Map<String, AsyncApiDocument.Message> documented = asyncApi.messages();
        assertEquals(topicByType.keySet(), documented.keySet(), "event types in code and in " + document);
        topicByType.forEach((type, topic) -> {
            assertEquals(topic, documented.get(type).topic(), type);
            assertEquals(fieldsByType.get(type), documented.get(type).payloadFields(), type);
        });
        for (AsyncApiDocument.Channel channel : asyncApi.channels().values()) {
            List<String> settings = topicSettings.get(channel.topic());
            assertNotNull(settings, "documented topic " + channel.topic() + " is not one the code creates");
            assertEquals(
                    settings,
                    List.of(
                            Integer.toString(channel.partitions()),
                            channel.cleanupPolicy(),
                            Long.toString(channel.retentionMs())),
                    channel.topic());
        }
    }
}
