package cn.bqw.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * The real PostgreSQL and Kafka broker that a test JVM talks to, started at most once per JVM.
 *
 * <p>Where {@code BQW_TEST_JDBC_URL} or {@code KAFKA_BOOTSTRAP_SERVERS} is set, that server is used
 * and nothing is started. The addresses are published as system properties, which every class
 * loader of the JVM sees (Quarkus loads test resources in a class loader of its own).
 */
public final class TestInfrastructure {

    static final String JDBC_URL = "bqw.test.jdbc-url";
    static final String JDBC_USER = "bqw.test.jdbc-user";
    static final String JDBC_PASSWORD = "bqw.test.jdbc-password";
    static final String KAFKA = "bqw.test.kafka-bootstrap-servers";

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
        String name = (prefix.replaceAll("[^a-z0-9]", "_") + "_"
                        + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase();
        try (Connection connection =
                        java.sql.DriverManager.getConnection(System.getProperty(JDBC_URL), jdbcUser(), jdbcPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        String serverUrl = System.getProperty(JDBC_URL);
        return serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name;
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
            System.setProperty(JDBC_USER, envOr("BQW_TEST_JDBC_USER", "postgres"));
            System.setProperty(JDBC_PASSWORD, envOr("BQW_TEST_JDBC_PASSWORD", "postgres"));
            return;
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Tests want speed, not durability.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
            System.setProperty(JDBC_URL, postgres.getJdbcUrl("postgres", "postgres"));
            System.setProperty(JDBC_USER, "postgres");
            System.setProperty(JDBC_PASSWORD, "postgres");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL", e);
        }
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
            // The JVM is exiting; nothing is left to clean up for.
        }
    }
}
