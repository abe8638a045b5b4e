package cn.bqw.testkit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service must do from day one: run against the real database and broker, answer
 * health, metrics and OpenAPI without a token, require a valid token for its API, and answer
 * errors as problem+json. A service's test extends this and adds {@code @QuarkusTest}.
 */
public abstract class ServiceFoundationTests {

    static final Set<String> PLATFORM_TOPICS = Set.of(
            "bqw.divisions.v1",
            "bqw.divisions.v1.dlq",
            "bqw.indicators.v1",
            "bqw.indicators.v1.dlq",
            "bqw.observations.v1",
            "bqw.observations.v1.dlq");

    @Test
    void readinessChecksTheDatabaseAndTheBroker() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void livenessMetricsAndOpenApiNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths.keySet()", hasItem("/api/v1/me"));
    }

    @Test
    void theServiceBrokerConfigurationReachesARealBroker() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String topic = "bqw.foundation-check." + UUID.randomUUID();
        String payload = "hello " + UUID.randomUUID();
        try (var producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", payload)).get();
        }
        try (var consumer = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers",
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "foundation-check",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String received = null;
            while (received == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    received = record.value();
                }
            }
            assertEquals(payload, received);
        }
    }

    @Test
    void theServiceProvisionedThePlatformTopicsWithTheirSettings() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> admin.listTopics().names().get().containsAll(PLATFORM_TOPICS));
            var divisions = new ConfigResource(ConfigResource.Type.TOPIC, "bqw.divisions.v1");
            var observations = new ConfigResource(ConfigResource.Type.TOPIC, "bqw.observations.v1");
            var configs = admin.describeConfigs(List.of(divisions, observations))
                    .all()
                    .get();
            assertEquals("compact", configs.get(divisions).get("cleanup.policy").value());
            assertEquals(
                    "delete", configs.get(observations).get("cleanup.policy").value());
            assertEquals(
                    12,
                    admin.describeTopics(List.of("bqw.observations.v1"))
                            .allTopicNames()
                            .get()
                            .get("bqw.observations.v1")
                            .partitions()
                            .size());
        }
    }

    @Test
    void aValidTokenIsAccepted() {
        given().auth()
                .oauth2(TestTokens.editor("449901000000"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("name", equalTo("tester"))
                .body("roles", equalTo(List.of("editor")))
                .body("regions", equalTo(List.of("449901000000")));
    }

    @Test
    void aMissingTokenIsRefusedWithProblemJson() {
        assertUnauthorized(null);
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertUnauthorized(TestTokens.expired(Set.of("admin")));
    }

    /** However long its own expiry, a token issued more than 30 days ago is not taken. */
    @Test
    void aTokenOlderThanTheMaximumAgeIsRefused() {
        assertUnauthorized(TestTokens.issuedAgo(Duration.ofDays(31), Set.of("admin")));
        given().auth()
                .oauth2(TestTokens.issuedAgo(Duration.ofDays(29), Set.of("viewer")))
                .get("/api/v1/me")
                .then()
                .statusCode(200);
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefused() {
        assertUnauthorized(TestTokens.signedByStranger(Set.of("admin")));
    }

    @Test
    void garbageInsteadOfATokenIsRefused() {
        assertUnauthorized("not-a-jwt");
    }

    @Test
    void aTokenWithoutAnyKnownRoleIsForbidden() {
        given().auth()
                .oauth2(TestTokens.token(Set.of("guest"), List.of()))
                .get("/api/v1/me")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:forbidden"))
                .body("status", equalTo(403));
    }

    /** The API document states, for every operation, its row of the permission table and who may call it. */
    @Test
    void everyOperationDocumentsItsPermission() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json")
                .then()
                .extract()
                .jsonPath()
                .getMap("paths");
        List<String> undocumented = new java.util.ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (path.startsWith("/api/")
                    && operation instanceof Map<?, ?> described
                    && (described.get("x-bqw-permission") == null
                            || !String.valueOf(described.get("description")).contains("Roles: "))) {
                undocumented.add(method + " " + path);
            }
        }));
        assertEquals(List.of(), undocumented);
    }

    /** Every read of the API, not only /me: a valid token without a role this platform knows reads nothing. */
    @Test
    void aTokenWithoutAnyKnownRoleReadsNothing() {
        List<String> reads = new java.util.ArrayList<>();
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json")
                .then()
                .extract()
                .jsonPath()
                .getMap("paths");
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/") && operations.containsKey("get")) {
                reads.add(path.replaceAll("\\{[^}]+}", "990100000000"));
            }
        });
        for (String token : List.of(
                TestTokens.token(Set.of("guest"), List.of()), TestTokens.token(Set.of(), List.of("990100000000")))) {
            for (String read : reads) {
                given().auth()
                        .oauth2(token)
                        .queryParam("year", 2025)
                        .get(read)
                        .then()
                        .statusCode(403)
                        .contentType("application/problem+json");
            }
        }
    }

    @Test
    void anUnknownPathIsAProblemNotFound() {
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/no-such-thing/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:not-found"));
    }

    private static void assertUnauthorized(String token) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        request.get("/api/v1/me")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:unauthorized"))
                .body("status", equalTo(401));
    }
}
