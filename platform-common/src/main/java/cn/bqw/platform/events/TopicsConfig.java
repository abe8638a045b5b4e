package cn.bqw.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether a service creates the platform's topics at start-up ({@link TopicProvisioner}). */
@ConfigMapping(prefix = "bqw.topics")
public interface TopicsConfig {

    /** Off where an operator owns the topics (Strimzi's KafkaTopic resources). */
    @WithDefault("true")
    boolean provision();

    @WithDefault("1")
    short replicationFactor();
}
