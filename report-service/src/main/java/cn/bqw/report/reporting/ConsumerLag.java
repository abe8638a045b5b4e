package cn.bqw.report.reporting;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The events report-service's consumer group has yet to apply: the end offsets of its topics minus
 * its committed offsets. Asked of Kafka at most every two seconds, however many reports are read.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    static final Duration REFRESH = Duration.ofSeconds(2);
    static final List<String> TOPICS = List.of("bqw.divisions.v1", "bqw.indicators.v1", "bqw.observations.v1");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.observations.group.id")
    String group;

    private Admin admin;
    private long checkedAt;
    private Long pending;

    public synchronized Long pending() {
        if (System.nanoTime() - checkedAt < REFRESH.toNanos() && checkedAt != 0) {
            return pending;
        }
        checkedAt = System.nanoTime();
        try {
            pending = ask();
        } catch (Exception e) {
            LOG.debugf(e, "cannot read the consumer lag");
            pending = null;
        }
        return pending;
    }

    private long ask() throws Exception {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    1500,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    2000));
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(2, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest =
                admin.describeTopics(TOPICS).allTopicNames().get(2, TimeUnit.SECONDS).values().stream()
                        .flatMap(topic ->
                                topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(2, TimeUnit.SECONDS);
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
