package cn.bqw.platform.events;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the platform's topics and dead-letter topics that are missing, with the settings of
 * {@link Topics}, when a service starts ({@code bqw.topics.provision=true}, the default). On
 * Kubernetes, Strimzi's KafkaTopic resources own them and provisioning is switched off.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    @Inject
    TopicsConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    Optional<String> bootstrapServers;

    @Inject
    KafkaConnection kafka;

    /**
     * Runs before the messaging connector starts its consumers (priority 1000), which would
     * otherwise auto-create a topic they subscribe to with the broker's defaults.
     */
    void provision(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup) {
        if (config.provision() && bootstrapServers.isPresent()) {
            ensureTopics(kafka.settings(), config.replicationFactor());
        }
    }

    /** Creates what is missing of every topic and its dead-letter topic; existing ones are left as they are. */
    public static void ensureTopics(Map<String, Object> connection, short replicationFactor) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int)
                Duration.ofSeconds(30).toMillis());
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic topic : Topics.ALL) {
                for (Topic wanted : List.of(topic, Topics.deadLetterOf(topic))) {
                    if (!existing.contains(wanted.name())) {
                        missing.add(new NewTopic(wanted.name(), wanted.partitions(), replicationFactor)
                                .configs(wanted.config()));
                    }
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                LOG.infof(
                        "created topics %s",
                        missing.stream().map(NewTopic::name).toList());
            }
        } catch (Exception e) {
            // Not fatal: the broker may be down at start-up; the outbox waits and auto-creation may still apply.
            LOG.warnf("could not provision Kafka topics: %s", e.toString());
        }
    }
}
