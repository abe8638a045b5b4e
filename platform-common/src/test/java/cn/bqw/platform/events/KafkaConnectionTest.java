package cn.bqw.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    @Test
    void theClientsOwnConnectionTakesTheBrokersTlsAndSaslSettingsAndNothingElse() {
        Map<String, Object> kafka = Map.of(
                "bootstrap.servers", "bqw-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/bqw/kafka-ca/ca.crt",
                "auto.offset.reset", "earliest",
                "max.poll.records", "1000",
                "health-enabled", "true");
        assertEquals(
                Map.of(
                        "bootstrap.servers", "bqw-kafka-bootstrap:9093",
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "SCRAM-SHA-512",
                        "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                        "ssl.truststore.type", "PEM",
                        "ssl.truststore.location", "/etc/bqw/kafka-ca/ca.crt"),
                KafkaConnection.connectionOnly(kafka));
    }
}
