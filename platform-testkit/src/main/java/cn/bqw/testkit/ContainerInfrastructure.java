package cn.bqw.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL and a KRaft Kafka broker in Docker, through Testcontainers, for {@code
 * -Dbqw.test.infra=containers} on a machine with a Docker engine. Untested where the project's CI
 * runs (no engine there): kept to starting the two and answering where they are; everything else is
 * the embedded path's. Testcontainers' Ryuk removes the containers when the JVM ends.
 */
final class ContainerInfrastructure {

    static final String POSTGRES_IMAGE = "postgres:17";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private static PostgreSQLContainer postgres;
    private static KafkaContainer kafka;

    private ContainerInfrastructure() {}

    /** The server URL (its {@code postgres} database), user and password. */
    static synchronized String[] postgres() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer(POSTGRES_IMAGE).withDatabaseName("postgres");
            postgres.start();
        }
        return new String[] {postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword()};
    }

    static synchronized String kafka() {
        if (kafka == null) {
            kafka = new KafkaContainer(KAFKA_IMAGE);
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }

    /** A broker outage: the container paused (its ports kept), then resumed. */
    static synchronized void pauseBroker() {
        DockerClientFactory.instance()
                .client()
                .pauseContainerCmd(kafka.getContainerId())
                .exec();
    }

    static synchronized void resumeBroker() {
        DockerClientFactory.instance()
                .client()
                .unpauseContainerCmd(kafka.getContainerId())
                .exec();
    }
}
