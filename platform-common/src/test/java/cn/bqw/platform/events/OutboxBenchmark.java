package cn.bqw.platform.events;

import cn.bqw.local.LocalKafka;
import cn.bqw.local.LocalPostgres;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Outbox benchmark (not a test): commit-to-Kafka latency at idle, and the relay's throughput next
 * to a raw Kafka producer sending the same records, in one run against a durable (fsync on)
 * PostgreSQL and a broker process. Command and output: platform-common/README.md.
 */
public final class OutboxBenchmark {

    static final int EVENTS = Integer.getInteger("events", 50_000);
    static final int LATENCY_SAMPLES = Integer.getInteger("samples", 300);
    static final String PAYLOAD =
            """
            {"code":"%s","level":"VILLAGE","parentCode":"449901101000","nameZh":"示范村","nameEn":"Demo Village",\
            "category":"DEMONSTRATION","planType":"AGGLOMERATION","residentPopulation":2310,"households":702,\
            "areaKm2":4.7,"arableLandMu":3120,"pilots":["LAND_SHARE","MAP_AND_CODE"],"status":"ACTIVE","version":%d}""";

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("bqw-outbox-bench");
        try (LocalPostgres postgres = LocalPostgres.durable(work.resolve("pg"), freePort())) {
            LocalKafka kafka = new LocalKafka(work.resolve("kafka"), freePort(), freePort(), work.resolve("kafka.log"));
            Process broker = kafka.start();
            try {
                kafka.awaitReady(Duration.ofMinutes(2));
                run(postgres, kafka.bootstrapServers());
            } finally {
                broker.destroy();
                broker.onExit().join();
            }
        }
    }

    private static void run(LocalPostgres postgres, String bootstrap) throws Exception {
        // Pooled, as the services' Agroal data source is.
        AgroalDataSource dataSource = AgroalDataSource.from(
                new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(pool -> pool.maxSize(10)
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(postgres.serverUrl())
                                .principal(new NamePrincipal(LocalPostgres.USER))
                                .credential(new SimplePassword(LocalPostgres.PASSWORD)))));
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String migration : List.of(
                    "V202611280100__outbox.sql",
                    "V202611300100__outbox_event_id_unindexed.sql",
                    "V202612011100__outbox_traceparent.sql")) {
                statement.execute(resource("db/outbox/" + migration));
            }
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(
                            new NewTopic("bench.raw", 6, (short) 1), new NewTopic("bench.outbox", 6, (short) 1)))
                    .all()
                    .get();
        }
        System.out.printf(
                "outbox benchmark: %,d events of %d bytes, 1,000 keys, 6 partitions%n",
                EVENTS, PAYLOAD.formatted("449901101001", 1).getBytes(StandardCharsets.UTF_8).length);

        rawProducerRate(bootstrap, EVENTS / 10); // warm-up: the first client in a JVM pays for class loading
        double rawRate = rawProducerRate(bootstrap, EVENTS);
        System.out.printf("raw Kafka producer (same records, same producer settings): %,.0f events/s%n", rawRate);

        try (Producer<String, String> producer =
                OutboxRelay.newProducer(KafkaConnection.plain(bootstrap), "bench-relay")) {
            drain(dataSource, producer, 1_000, "1,000-row transactions", rawRate);
            // A bulk import: one transaction, the statistics not caught up when the relay starts.
            drain(dataSource, producer, EVENTS, "one transaction (a bulk import)", rawRate);
            try (OutboxPublisher relay = relay(dataSource, producer)) {
                latencyAtIdle(dataSource, bootstrap);
            }
        }
    }

    /** Writes a backlog of {@link #EVENTS} rows, then times a relay draining it. */
    private static void drain(
            AgroalDataSource dataSource,
            Producer<String, String> producer,
            int rowsPerTransaction,
            String how,
            double rawRate)
            throws Exception {
        long insertStart = System.nanoTime();
        insertUnsent(dataSource, EVENTS, rowsPerTransaction);
        System.out.printf(
                "writers: %,d outbox rows committed in %s: %,.0f rows/s%n", EVENTS, how, EVENTS / seconds(insertStart));
        long relayStart = System.nanoTime();
        try (OutboxPublisher relay = relay(dataSource, producer)) {
            while (unsent(dataSource) > 0) {
                Thread.sleep(20);
            }
            double relayRate = EVENTS / seconds(relayStart);
            System.out.printf(
                    "outbox relay, that backlog of %,d drained: %,.0f events/s (%.2f× the raw producer)%n",
                    EVENTS, relayRate, relayRate / rawRate);
        }
    }

    private static OutboxPublisher relay(AgroalDataSource dataSource, Producer<String, String> producer) {
        return new OutboxPublisher(
                        "bench-relay",
                        dataSource,
                        producer,
                        new OutboxPublisher.Settings(
                                500, Duration.ofSeconds(1), Duration.ofDays(7), Duration.ofMinutes(10)),
                        new OutboxPublisher.Stats())
                .start();
    }

    private static double rawProducerRate(String bootstrap, int events) throws Exception {
        try (Producer<String, String> producer =
                OutboxRelay.newProducer(KafkaConnection.plain(bootstrap), "bench-raw")) {
            long start = System.nanoTime();
            List<Future<?>> acks = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                String key = key(i);
                ProducerRecord<String, String> record =
                        new ProducerRecord<>("bench.raw", key, PAYLOAD.formatted(key, i));
                for (String header :
                        List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time")) {
                    record.headers().add(header, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                }
                acks.add(producer.send(record));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
            return events / seconds(start);
        }
    }

    private static void insertUnsent(AgroalDataSource dataSource, int count, int rowsPerTransaction) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox_event (event_id, topic, event_key, type, source, actor, data)"
                                + " VALUES (?, 'bench.outbox', ?, 'bqw.village.updated.v1', 'bench', 'bench', ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, key(i));
                insert.setString(3, PAYLOAD.formatted(key(i), i));
                insert.addBatch();
                if ((i + 1) % rowsPerTransaction == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    /** One event per transaction every 20 ms; latency from commit to the consumer seeing it. */
    private static void latencyAtIdle(AgroalDataSource dataSource, String bootstrap) throws Exception {
        Map<String, Long> committed = new ConcurrentHashMap<>();
        Map<String, Long> received = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "bench-latency",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "latest",
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                        5),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("bench.outbox"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            Thread poller = new Thread(() -> {
                while (received.size() < LATENCY_SAMPLES
                        && !Thread.currentThread().isInterrupted()) {
                    consumer.poll(Duration.ofMillis(5))
                            .forEach(record -> received.put(
                                    new String(
                                            record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8),
                                    System.nanoTime()));
                }
            });
            poller.start();
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO outbox_event (event_id, topic, event_key, type, source, actor, data)"
                                    + " VALUES (?, 'bench.outbox', ?, 'bqw.village.updated.v1', 'bench', 'bench', ?)");
                    PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('bqw_outbox', '')")) {
                connection.setAutoCommit(false);
                for (int i = 0; i < LATENCY_SAMPLES; i++) {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setString(2, key(i));
                    insert.setString(3, PAYLOAD.formatted(key(i), EVENTS + i));
                    insert.executeUpdate();
                    notify.executeQuery().close();
                    connection.commit();
                    committed.put(id.toString(), System.nanoTime());
                    Thread.sleep(20);
                }
            }
            poller.join(30_000);
        }
        double[] millis = committed.entrySet().stream()
                .filter(e -> received.containsKey(e.getKey()))
                .mapToDouble(e -> (received.get(e.getKey()) - e.getValue()) / 1e6)
                .sorted()
                .toArray();
        System.out.printf(
                "commit-to-consumer latency at idle, %d events one per transaction every 20 ms (%d received):"
                        + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                LATENCY_SAMPLES,
                millis.length,
                percentile(millis, 50),
                percentile(millis, 99),
                millis.length == 0 ? Double.NaN : millis[millis.length - 1]);
    }

    private static long unsent(AgroalDataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String key(int i) {
        return "4499011010" + String.format("%02d", i % 100) + "-" + (i % 1000);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OutboxBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private OutboxBenchmark() {}
}
