package cn.bqw.platform.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestEvents;
import cn.bqw.testkit.TestInfrastructure;
import cn.bqw.testkit.TestTokens;
import cn.bqw.testkit.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.UrlAttributes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The event backbone against the real broker and PostgreSQL, through a small ledger application
 * (src/test): postings go through the outbox and the relay to Kafka, and an idempotent consumer
 * keeps balances from them.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class EventBackboneTest {

    static final String TOPIC = "bqw.test-ledger.v1";
    static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aWriteReachesTheTopicAsACloudEventAndTheConsumerOnce() {
        String account = account();
        long entry = post(account, 42);

        List<ConsumerRecord<String, String>> records =
                TopicReader.readUntil(TOPIC, read -> find(read, account).size() == 1, PATIENCE);
        ConsumerRecord<String, String> record = find(records, account).get(0);
        assertEquals(account, record.key());
        assertEquals("1.0", TopicReader.header(record, "ce_specversion"));
        assertEquals("bqw.ledger.posted.v1", TopicReader.header(record, "ce_type"));
        assertEquals("backbone-test", TopicReader.header(record, "ce_source"));
        assertEquals(account, TopicReader.header(record, "ce_subject"));
        assertEquals("tester", TopicReader.header(record, "ce_actor"));
        assertEquals("application/json", TopicReader.header(record, "content-type"));
        assertNotNull(UUID.fromString(TopicReader.header(record, "ce_id")));
        assertTrue(record.value().contains("\"entry\":" + entry), record.value());

        awaitBalance(account, 42, 1);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("bqw_outbox_published_total"))
                .body(org.hamcrest.Matchers.containsString("bqw_outbox_backlog"));
    }

    @Test
    void aWritesTraceGoesOnThroughKafkaToTheConsumerThatAppliesItsEvent() {
        String account = account();
        post(account, 7);
        awaitBalance(account, 7, 1);

        SpanData request = await().atMost(PATIENCE)
                .until(
                        () -> spans.getFinishedSpanItems().stream()
                                .filter(s -> s.getKind() == SpanKind.SERVER)
                                .filter(s -> String.valueOf(s.getAttributes().get(UrlAttributes.URL_PATH))
                                        .endsWith("/" + account))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        ConsumerRecord<String, String> record = find(
                        TopicReader.readUntil(TOPIC, read -> find(read, account).size() == 1, PATIENCE), account)
                .get(0);
        String traceparent = TopicReader.header(record, "ce_traceparent");
        assertNotNull(traceparent, "the event carries the write's trace context (CloudEvents distributed tracing)");
        assertTrue(traceparent.startsWith("00-" + request.getTraceId() + "-"), traceparent);

        SpanData applied = await().atMost(PATIENCE)
                .until(
                        () -> spans.getFinishedSpanItems().stream()
                                .filter(s -> s.getName().equals("apply bqw.ledger.posted.v1"))
                                .filter(s -> s.getTraceId().equals(request.getTraceId()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertEquals(SpanKind.CONSUMER, applied.getKind());
        assertEquals(traceparent.split("-")[2], applied.getParentSpanId(), "a child of the span that wrote it");
        assertEquals(
                "ledger-balance", applied.getAttributes().get(AttributeKey.stringKey("messaging.consumer.group.name")));
    }

    @Test
    void theRelayReadsABulkBacklogInIndexOrderWithoutSortingItBeforeTheStatisticsCatchUp() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                // A bulk import's backlog, not analysed yet; rolled back, so the relay never sees it.
                sql.execute(
                        """
                        INSERT INTO outbox_event (event_id, topic, event_key, type, source, data)
                        SELECT gen_random_uuid(), 'bqw.test-plan.v1', 'k' || g, 'bqw.test.v1', 'test', repeat('x', 500)
                        FROM generate_series(1, 20000) g""");
                sql.execute(OutboxPublisher.INDEX_ORDER);
                StringBuilder plan = new StringBuilder();
                try (ResultSet lines = sql.executeQuery("EXPLAIN " + OutboxPublisher.UNSENT.replace("?", "500"))) {
                    while (lines.next()) {
                        plan.append(lines.getString(1)).append('\n');
                    }
                }
                assertTrue(plan.toString().contains("Index Scan using outbox_event_unsent_idx"), plan.toString());
                assertFalse(plan.toString().contains("Sort"), plan.toString());
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void everyEventDeliveredTwiceInterleavedAcrossKeysLeavesTheSameState() throws Exception {
        List<String> accounts = List.of(account(), account(), account());
        for (int round = 1; round <= 5; round++) {
            for (String account : accounts) {
                post(account, round);
            }
        }
        for (String account : accounts) {
            awaitBalance(account, 15, 5);
        }
        List<ConsumerRecord<String, String>> published = TopicReader.readUntil(
                TOPIC, read -> accounts.stream().allMatch(a -> find(read, a).size() == 5), PATIENCE);
        List<ConsumerRecord<String, String>> again = new ArrayList<>();
        accounts.forEach(a -> again.addAll(find(published, a)));
        Collections.shuffle(again);

        String sentinel = account();
        try (TestEvents events = new TestEvents()) {
            for (ConsumerRecord<String, String> record : again) {
                events.sendRaw(new ProducerRecord<>(TOPIC, null, record.key(), record.value(), record.headers()));
            }
        }
        // A fresh posting on each account's partition goes after the duplicates: once it is applied,
        // so are they.
        for (String account : accounts) {
            post(account, 100);
        }
        post(sentinel, 1);
        for (String account : accounts) {
            awaitBalance(account, 115, 6);
        }
        awaitBalance(sentinel, 1, 1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextRecordsApply() throws Exception {
        String poisoned = account();
        String bare = account();
        try (TestEvents events = new TestEvents()) {
            events.send(TOPIC, "bqw.ledger.posted.v1", poisoned, "{not json");
            events.sendRaw(new ProducerRecord<>(TOPIC, bare, "{\"entry\":1}"));
        }
        String after = account();
        post(poisoned, 7);
        post(after, 8);
        awaitBalance(poisoned, 7, 1);
        awaitBalance(after, 8, 1);

        List<ConsumerRecord<String, String>> dead = TopicReader.readUntil(
                TOPIC + ".dlq",
                read -> find(read, poisoned).size() == 1 && find(read, bare).size() == 1,
                PATIENCE);
        ConsumerRecord<String, String> deadJson = find(dead, poisoned).get(0);
        assertEquals("{not json", deadJson.value());
        assertTrue(TopicReader.header(deadJson, "dead-letter-reason").contains("not JSON"));
        assertTrue(TopicReader.header(find(dead, bare).get(0), "dead-letter-reason")
                .contains("not a CloudEvent"));
    }

    @Test
    void writesDuringABrokerOutageAllSucceedAndArriveOnceWhenItIsBack() {
        String account = account();
        TestInfrastructure.stopBroker();
        // More than one relay batch (500 rows): the relay resumes across batches once it is back.
        int writes = 600;
        try {
            for (int i = 1; i <= writes; i++) {
                post(account, i);
            }
            assertEquals(writes, unsentEventsOf(account), "every write is waiting in the outbox");
            assertEquals(0, balance(account).events(), "nothing can have been delivered yet");
        } finally {
            TestInfrastructure.startBroker();
        }
        awaitBalance(account, (long) writes * (writes + 1) / 2, writes);
        assertEquals(writes, processedEventsOf(account));
    }

    @Test
    void eventsArrivingWhileTheDatabaseIsDownWaitForItAndAreNotDeadLettered() throws Exception {
        String account = account();
        String database;
        String url;
        try (Connection own = dataSource.getConnection()) {
            database = own.getCatalog();
            url = own.getMetaData().getURL();
        }
        // From the server's maintenance database: a database cannot close its own doors.
        try (Connection admin = DriverManager.getConnection(
                        url.replace("/" + database, "/postgres"),
                        TestInfrastructure.jdbcUser(),
                        TestInfrastructure.jdbcPassword());
                Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
            try {
                sql.execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
                try (TestEvents events = new TestEvents()) {
                    for (int entry = 1; entry <= 5; entry++) {
                        events.send(
                                TOPIC,
                                "bqw.ledger.posted.v1",
                                account,
                                "{\"entry\":%d,\"account\":\"%s\",\"amount\":%d}".formatted(entry, account, entry));
                    }
                }
                // Longer than the consumer's three attempts (50 + 200 + 450 ms) at every event.
                Thread.sleep(4000);
            } finally {
                sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
            }
        }
        awaitBalance(account, 15, 5);

        String sentinel = account();
        try (TestEvents events = new TestEvents()) {
            events.send(TOPIC, "bqw.ledger.posted.v1", sentinel, "{not json");
        }
        List<ConsumerRecord<String, String>> dead = TopicReader.readUntil(
                TOPIC + ".dlq", read -> !find(read, sentinel).isEmpty(), PATIENCE);
        assertEquals(1, find(dead, sentinel).size());
        assertEquals(List.of(), find(dead, account), "nothing dead-lettered for the database's outage");
    }

    @Test
    void twoRelaysOnOneOutboxPublishEveryEventInOrderPerKey() throws Exception {
        List<String> accounts = List.of(account(), account(), account(), account());
        Map<String, List<Long>> posted = new HashMap<>();
        OutboxPublisher.Stats secondStats = new OutboxPublisher.Stats();
        long publishedBefore = relay.stats().published.get();
        try (Producer<String, String> secondProducer = OutboxRelay.newProducer(
                        KafkaConnection.plain(TestInfrastructure.kafkaBootstrapServers()), "second-relay");
                OutboxPublisher second = new OutboxPublisher(
                                "second-relay", dataSource, secondProducer, relay.settings(), secondStats)
                        .start()) {
            for (int i = 0; i < 400; i++) {
                String account = accounts.get(i % accounts.size());
                posted.computeIfAbsent(account, a -> new ArrayList<>()).add(post(account, 1));
            }
            for (String account : accounts) {
                awaitBalance(account, 100, 100);
            }
        }
        long publishedByBoth = relay.stats().published.get() - publishedBefore + secondStats.published.get();
        assertTrue(publishedByBoth >= 400, "published " + publishedByBoth);
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(
                TOPIC, read -> accounts.stream().allMatch(a -> find(read, a).size() >= 100), PATIENCE);
        for (String account : accounts) {
            List<Long> seen = find(records, account).stream()
                    .map(r -> Long.parseLong(r.value().replaceAll(".*\"entry\":(\\d+).*", "$1")))
                    .toList();
            assertEquals(
                    posted.get(account), seen.stream().distinct().toList(), "every event, in order, for " + account);
            assertEquals(new HashSet<>(posted.get(account)), Set.copyOf(seen));
            assertEquals(0, balance(account).outOfOrder());
        }
    }

    record Balance(long total, long events, long outOfOrder) {}

    private static String account() {
        return "acct-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long post(String account, long amount) {
        return given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("amount", amount)
                .post("/test/ledger/" + account)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("entry");
    }

    private void awaitBalance(String account, long total, long events) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> balance(account)
                .equals(new Balance(total, events, 0)));
    }

    private Balance balance(String account) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT total, events, out_of_order FROM ledger_balance WHERE account = ?")) {
            select.setString(1, account);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Balance(row.getLong(1), row.getLong(2), row.getLong(3)) : new Balance(0, 0, 0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long unsentEventsOf(String account) {
        return countFor(account, "SELECT count(*) FROM outbox_event WHERE event_key = ? AND sent_at IS NULL");
    }

    private long processedEventsOf(String account) {
        return countFor(
                account,
                """
                SELECT count(*) FROM processed_event p JOIN outbox_event o ON o.event_id::text = p.event_id
                WHERE p.consumer = 'ledger-balance' AND o.event_key = ?""");
    }

    private long countFor(String account, String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, account);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<String, String>> find(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }
}
