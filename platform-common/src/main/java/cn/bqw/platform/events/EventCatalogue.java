package cn.bqw.platform.events;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A service's events and the platform's topics as plain data, to hold them against the service's
 * AsyncAPI document.
 */
public final class EventCatalogue {

    private EventCatalogue() {}

    /** Each event type's topic. */
    @SafeVarargs
    public static Map<String, String> topicByType(EventType[]... groups) {
        return all(groups)
                .collect(Collectors.toMap(EventType::type, t -> t.topic().name()));
    }

    /** Each event type's data fields, from its record's components. */
    @SafeVarargs
    public static Map<String, Set<String>> fieldsByType(EventType[]... groups) {
        return all(groups).collect(Collectors.toMap(EventType::type, t -> Arrays.stream(
                        t.dataType().getRecordComponents())
                .map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new))));
    }

    /** Every topic and dead-letter topic: partitions, cleanup policy and retention in ms. */
    public static Map<String, List<String>> topicSettings() {
        return Topics.ALL.stream()
                .flatMap(t -> Stream.of(t, Topics.deadLetterOf(t)))
                .collect(Collectors.toMap(Topic::name, EventCatalogue::settings));
    }

    private static List<String> settings(Topic topic) {
        return List.of(
                Integer.toString(topic.partitions()),
                topic.config().get("cleanup.policy"),
                topic.config().get("retention.ms"));
    }

    private static Stream<EventType> all(EventType[][] groups) {
        return Arrays.stream(groups).flatMap(Arrays::stream).map(Function.identity());
    }
}
