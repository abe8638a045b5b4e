package cn.bqw.report.operations;

import cn.bqw.platform.events.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/** Whether an event is in its topic's dead letters: read from the start, its {@code ce_id} header sought. */
final class DeadLetterSearch {

    private DeadLetterSearch() {}

    static boolean holds(Map<String, Object> connection, String topic, String eventId) {
        String deadLetters = new Topic(topic, 1, false, null).deadLetterName();
        try (KafkaConsumer<String, String> consumer = Rebuild.consumer(connection)) {
            var partitions = consumer.partitionsFor(deadLetters, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return false;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(deadLetters, p.partition()))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            var end = consumer.endOffsets(assigned);
            while (assigned.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null && eventId.equals(new String(id.value(), StandardCharsets.UTF_8))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
