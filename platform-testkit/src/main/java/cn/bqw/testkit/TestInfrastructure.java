package cn.bqw.testkit;

import cn.bqw.launcher.Databases;
import cn.bqw.launcher.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * The real PostgreSQL and Kafka broker that a test JVM talks to, started at most once per JVM.
 *
 * <p>Where {@code BQW_TEST_JDBC_URL} (a URL of any database on the server) or {@code
 * KAFKA_BOOTSTRAP_SERVERS} is set, that server is used and nothing is started. The addresses are
 * published as system properties, which every class loader of the JVM sees (Quarkus loads test
 * resources in class loaders of its own).
 */
public final class TestInfrastructure {

    private static final String JDBC_URL = "bqw.test.jdbc-url";
    private static final String JDBC_USER = "bqw.test.jdbc-user";
    private static final String JDBC_PASSWORD = "bqw.test.jdbc-password";
    private static final String KAFKA = "bqw.test.kafka-bootstrap-servers";

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

    private static void startPostgres() {
        String external = System.getenv("BQW_TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            System.setProperty(JDBC_URL, external);
            System.setProperty(JDBC_USER, envOr("BQW_TEST_JDBC_USER", LocalPostgres.USER));
            System.setProperty(JDBC_PASSWORD, envOr("BQW_TEST_JDBC_PASSWORD", LocalPostgres.PASSWORD));
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
        try {
            Path logs = Files.createTempDirectory("bqw-kafka");
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .setBaseDirectory(logs)
                            .build())
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(cluster)));
            System.setProperty(KAFKA, cluster.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Kafka broker", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // The JVM is exiting; there is nothing left to clean up for.
        }
    }
}
