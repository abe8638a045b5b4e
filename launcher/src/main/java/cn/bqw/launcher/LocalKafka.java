package cn.bqw.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker in a process of its own, run from the kafka_2.13 jars on
 * the launcher's class path, with its log directory kept between runs.
 */
final class LocalKafka {

    private LocalKafka() {}

    /** Formats the storage on first use, then starts the broker; its output goes to {@code log}. */
    static Process start(Path dataDir, int port, Path log) {
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            Files.writeString(config, serverProperties(dataDir.resolve("logs"), port));
            if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
                String clusterId = Uuid.randomUuid().toString();
                int formatted = java("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start()
                        .waitFor();
                if (formatted != 0) {
                    throw new IllegalStateException("formatting Kafka storage failed; see " + log);
                }
            }
            return java("kafka.Kafka", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private static ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static String serverProperties(Path logDir, int port) {
        int controllerPort = port + 1;
        return """
                # Written by ./bqw up on every start.
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
                .formatted(controllerPort, port, controllerPort, port, logDir);
    }
}
