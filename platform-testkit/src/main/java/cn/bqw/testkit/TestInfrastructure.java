package cn.bqw.testkit;

import cn.bqw.local.Databases;
import cn.bqw.local.LocalKafka;
import cn.bqw.local.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The real PostgreSQL and Kafka broker that a test JVM talks to, started at most once per JVM:
 * an embedded PostgreSQL, and a KRaft broker in a process of its own (so that a test can stop it
 * and start it again, as in a real outage).
 *
 * <p>Where {@code BQW_TEST_JDBC_URL} (a URL of any database on the server) or {@code
 * KAFKA_BOOTSTRAP_SERVERS} is set, that server is used and nothing is started. With {@code
 * -Dbqw.test.infra=containers}, Testcontainers starts both in Docker instead ({@link
 * ContainerInfrastructure}). Everything is kept
 * in system properties as strings, which every class loader of the JVM sees alike (Quarkus loads
 * test code in class loaders of its own).
 */
public final class TestInfrastructure {

    private static final String JDBC_URL = "bqw.test.jdbc-url";
    private static final String JDBC_USER = "bqw.test.jdbc-user";
    private static final String JDBC_PASSWORD = "bqw.test.jdbc-password";
    private static final String KAFKA = "bqw.test.kafka-bootstrap-servers";
    private static final String KAFKA_DIR = "bqw.test.kafka-dir";
    private static final String KAFKA_PORTS = "bqw.test.kafka-ports";
    private static final String KAFKA_PID = "bqw.test.kafka-pid";
    private static final Duration KAFKA_START = Duration.ofMinutes(2);

    private TestInfrastructure() {}

    /** Starts what is missing; safe to call from any class loader, any number of times. */
    public static synchronized void ensureStarted() {
        if (System.getProperty(JDBC_URL) == null) {
            startPostgres();
        }
        if (System.getProperty(KAFKA) == null) {
            startKafka();
        }
    }

    /** Creates a fresh, empty database and answers its JDBC URL. */
    public static String freshDatabase(String prefix) {
        ensureStarted();
        String name = (prefix.replaceAll("[^A-Za-z0-9]", "_") + "_"
                        + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase();
        return Databases.ensure(System.getProperty(JDBC_URL), jdbcUser(), jdbcPassword(), name);
    }

    public static String jdbcUser() {
        return System.getProperty(JDBC_USER);
    }

    public static String jdbcPassword() {
        return System.getProperty(JDBC_PASSWORD);
    }

    public static String kafkaBootstrapServers() {
        ensureStarted();
        return System.getProperty(KAFKA);
    }

    /** Kills the broker process, as in a broker outage. */
    public static synchronized void stopBroker() {
        if (InfrastructureKind.chosen() == InfrastructureKind.CONTAINERS) {
            ContainerInfrastructure.pauseBroker();
            return;
        }
        ProcessHandle broker = ProcessHandle.of(Long.parseLong(requireOwnBroker()))
                .orElseThrow(() -> new IllegalStateException("the test broker is not running"));
        broker.destroy();
        broker.onExit().join();
    }

    /** Starts the broker again on the same ports and data, and waits until it serves. */
    public static synchronized void startBroker() {
        if (InfrastructureKind.chosen() == InfrastructureKind.CONTAINERS) {
            ContainerInfrastructure.resumeBroker();
            return;
        }
        requireOwnBroker();
        launchBroker();
    }

    private static String requireOwnBroker() {
        String pid = System.getProperty(KAFKA_PID);
        if (pid == null) {
            throw new IllegalStateException(
                    "the broker is external (KAFKA_BOOTSTRAP_SERVERS): it cannot be stopped here");
        }
        return pid;
    }

    private static void startPostgres() {
        String external = System.getenv("BQW_TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            System.setProperty(JDBC_URL, external);
            System.setProperty(JDBC_USER, envOr("BQW_TEST_JDBC_USER", LocalPostgres.USER));
            System.setProperty(JDBC_PASSWORD, envOr("BQW_TEST_JDBC_PASSWORD", LocalPostgres.PASSWORD));
            return;
        }
        if (InfrastructureKind.chosen() == InfrastructureKind.CONTAINERS) {
            String[] server = ContainerInfrastructure.postgres();
            System.setProperty(JDBC_URL, server[0]);
            System.setProperty(JDBC_USER, server[1]);
            System.setProperty(JDBC_PASSWORD, server[2]);
            return;
        }
        LocalPostgres postgres = LocalPostgres.throwaway();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        System.setProperty(JDBC_URL, postgres.serverUrl());
        System.setProperty(JDBC_USER, LocalPostgres.USER);
        System.setProperty(JDBC_PASSWORD, LocalPostgres.PASSWORD);
    }

    private static void startKafka() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            System.setProperty(KAFKA, external);
            return;
        }
        if (InfrastructureKind.chosen() == InfrastructureKind.CONTAINERS) {
            System.setProperty(KAFKA, ContainerInfrastructure.kafka());
            return;
        }
        try {
            System.setProperty(KAFKA_DIR, Files.createTempDirectory("bqw-kafka").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(KAFKA_PORTS, freePort() + "," + freePort());
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> ProcessHandle.of(Long.parseLong(System.getProperty(KAFKA_PID, "-1")))
                        .ifPresent(ProcessHandle::destroyForcibly)));
        String bootstrap = launchBroker();
        System.setProperty(KAFKA, bootstrap);
    }

    private static String launchBroker() {
        Path dir = Path.of(System.getProperty(KAFKA_DIR));
        String[] ports = System.getProperty(KAFKA_PORTS).split(",");
        LocalKafka broker =
                new LocalKafka(dir, Integer.parseInt(ports[0]), Integer.parseInt(ports[1]), dir.resolve("kafka.log"));
        Process process = broker.start();
        System.setProperty(KAFKA_PID, Long.toString(process.pid()));
        broker.awaitReady(KAFKA_START);
        return broker.bootstrapServers();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
