package cn.bqw.report.benchmark;

import cn.bqw.platform.events.Topics;
import cn.bqw.testkit.LocalPlatform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Rebuild rate benchmark (not a test), against a running {@code ./bqw up} with data: a plain
 * Kafka consumer reads the three topics from the start and only counts the records; then
 * report-service rebuilds its projection from the same topics (closed years from their copies). Both
 * rates come from the same run.
 * Command and output: report-service/README.md.
 */
public final class RebuildBenchmark {

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka", "localhost:59092"));
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        long records = 0;
        long start = System.nanoTime();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            for (var topic : Topics.ALL) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                    records += consumer.poll(Duration.ofMillis(500)).count();
                }
            }
        }
        double plainSeconds = (System.nanoTime() - start) / 1e9;

        String token = LocalPlatform.adminToken();
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        LocalPlatform.send(http, token, "POST", "http://localhost:8080/api/v1/admin/rebuild", "application/json", "");
        JsonNode status;
        do {
            Thread.sleep(1000);
            status = json.readTree(http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:8080/api/v1/admin/rebuild"))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
        } while (status.get("state").asText().equals("REPLAYING")
                || status.get("state").asText().equals("SWITCHING"));

        double plainRate = records / plainSeconds;
        long rebuildRate = status.get("eventsPerSecond").asLong();
        System.out.printf(
                "rebuild benchmark: %,d records in %s%n",
                records, Topics.ALL.stream().map(t -> t.name()).toList());
        System.out.printf("plain consumer, reading and counting: %.1f s, %,.0f records/s%n", plainSeconds, plainRate);
        System.out.printf(
                "rebuild: %s, %,d events applied (%,d passed over) in %.1f s, %,d events/s%n",
                status.get("state").asText(),
                status.get("events").asLong(),
                status.get("skipped").asLong(),
                status.get("seconds").asDouble(),
                rebuildRate);
        if (!status.get("closedYears").isEmpty()) {
            System.out.printf(
                    "closed years %s restored from their copies: %,d of their events passed over in the replay%n",
                    status.get("closedYears"), status.get("closedYearEvents").asLong());
        }
        // Over every record of the topics, the closed years' included: the rebuild reads them all.
        double throughTheTopics = records / status.get("seconds").asDouble();
        System.out.printf(
                "rebuild / plain read: %.3f× the rate (the topics' records over the rebuild's time: %,.0f/s)%n",
                throughTheTopics / plainRate, throughTheTopics);
    }
}
