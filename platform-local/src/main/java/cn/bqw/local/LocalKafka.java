package cn.bqw.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker in a process of its own, run from the Kafka jars on this
 * JVM's class path, with its log directory kept between starts. {@code ./bqw up} runs one; so
 * does each test JVM, where stopping and starting it is a real broker outage.
 */
public final class LocalKafka {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path log;

    public LocalKafka(Path dataDir, int port, int controllerPort, Path log) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.log = log;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Formats the storage on first use, then starts the broker; its output goes to the log. */
    public Process start() {
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            Files.writeString(config, serverProperties());
            if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
                int formatted = java(
                                "kafka.tools.StorageTool",
                                "format",
                                "-t",
                                Uuid.randomUuid().toString(),
                                "-c",
                                config.toString())
                        .start()
                        .waitFor();
                if (formatted != 0) {
                    throw new IllegalStateException("formatting Kafka storage failed; see " + log);
                }
            }
            return java("kafka.Kafka", config.toString()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    /** Waits until the broker answers, or fails after {@code timeout}. */
    public void awaitReady(Duration timeout) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis()))) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not come up; see " + log, e);
        }
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private String serverProperties() {
        return """
                # Written by the launcher on every start.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%d
                listeners=PLAINTEXT://localhost:%d,CONTROLLER://localhost:%d
                advertised.listeners=PLAINTEXT://localhost:%d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                group.initial.rebalance.delay.ms=0
                """
                .formatted(controllerPort, port, controllerPort, port, dataDir.resolve("logs"));
    }
}
