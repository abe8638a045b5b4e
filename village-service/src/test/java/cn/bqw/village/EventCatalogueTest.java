package cn.bqw.village;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topic;
import cn.bqw.platform.events.Topics;
import cn.bqw.testkit.AsyncApiDocument;
import cn.bqw.village.division.DivisionEvents;
import cn.bqw.village.registry.VillageEvents;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document and the code name the same events, topics and fields. */
class EventCatalogueTest {

    static final List<EventType> PUBLISHED = Stream.concat(
                    Arrays.stream(DivisionEvents.values()), Arrays.stream(VillageEvents.values()))
            .map(EventType.class::cast)
            .toList();
    static final AsyncApiDocument DOCUMENT = AsyncApiDocument.read(Path.of("src/main/asyncapi/asyncapi.yaml"));

    @Test
    void everyEventTypeInCodeIsDocumentedAndEveryDocumentedTypeExists() {
        assertEquals("3.0.0", DOCUMENT.version());
        Map<String, String> inCode = PUBLISHED.stream()
                .collect(Collectors.toMap(EventType::type, t -> t.topic().name()));
        Map<String, String> documented = DOCUMENT.messages().values().stream()
                .collect(Collectors.toMap(AsyncApiDocument.Message::type, AsyncApiDocument.Message::topic));
        assertEquals(inCode, documented);
    }

    @Test
    void documentedPayloadsHaveTheFieldsOfTheEventRecords() {
        for (EventType type : PUBLISHED) {
            Set<String> fields = Arrays.stream(type.dataType().getRecordComponents())
                    .map(c -> c.getName())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(fields, DOCUMENT.messages().get(type.type()).payloadFields(), type.type());
        }
    }

    @Test
    void documentedTopicsHaveTheSettingsTheCodeCreatesThemWith() {
        Map<String, Topic> topics = Topics.ALL.stream()
                .flatMap(t -> Stream.of(t, Topics.deadLetterOf(t)))
                .collect(Collectors.toMap(Topic::name, Function.identity()));
        for (AsyncApiDocument.Channel channel : DOCUMENT.channels().values()) {
            Topic topic = topics.get(channel.topic());
            assertEquals(topic.partitions(), channel.partitions(), channel.topic());
            assertEquals(topic.config().get("cleanup.policy"), channel.cleanupPolicy(), channel.topic());
            assertEquals(Long.parseLong(topic.config().get("retention.ms")), channel.retentionMs(), channel.topic());
        }
    }
}
