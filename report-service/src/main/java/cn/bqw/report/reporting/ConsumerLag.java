package cn.bqw.report.reporting;

import cn.bqw.platform.events.KafkaConnection;
import cn.bqw.platform.events.Topic;
import cn.bqw.platform.events.Topics;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
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
 * its committed offsets. Asked of Kafka every two seconds by the scheduler once a report has asked
 * for it, so that a report never waits on Kafka (a broker that does not answer would otherwise hold
 * every read for seconds); the first read waits for the first answer.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    /** Every topic report-service consumes: all of the platform's. */
    static final List<String> TOPICS = Topics.ALL.stream().map(Topic::name).toList();

    @Inject
    KafkaConnection kafka;

    @ConfigProperty(name = "mp.messaging.incoming.observations.group.id")
    String group;

    private Admin admin;
    private volatile boolean asked;
    private volatile Long pending;

    /** The lag at the last look, at most two seconds old; null when Kafka could not be asked. */
    public Long pending() {
        if (!asked) {
            firstLook();
        }
        return pending;
    }

    private synchronized void firstLook() {
        if (!asked) {
            refresh();
            asked = true;
        }
    }

    /** Nobody asked yet (a service that only applies events): Kafka is left alone. */
    @Scheduled(every = "2s", delay = 2, delayUnit = TimeUnit.SECONDS, concurrentExecution = ConcurrentExecution.SKIP)
    synchronized void lookAgain() {
        if (asked) {
            refresh();
        }
    }

    private void refresh() {
        try {
            pending = ask();
        } catch (Exception e) {
            LOG.debugf(e, "cannot read the consumer lag");
            pending = null;
        }
    }

    private long ask() throws Exception {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(kafka.settings());
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1500);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
            admin = Admin.create(config);
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
