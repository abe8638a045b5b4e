package cn.bqw.report.benchmark;

import cn.bqw.local.ServiceJar;
import cn.bqw.platform.events.Topics;
import cn.bqw.testkit.LocalPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

/**
 * Hot-row benchmark (not a test), against a running {@code ./bqw up --fresh --no-demo}: one bulk
 * load of values applied by report-service's one replica, then another by {@code replicas} (2)
 * sharing the observations topic's partitions (the others started here, on ports from 8090, as
 * Kubernetes would run them, and stopped at the end). Every value of a load adds to the same county and city rows. While
 * each load is applied, {@code pg_stat_activity} of the report database is sampled every 10 ms:
 * the share of the consumers' time spent waiting on a lock ({@code wait_event_type = 'Lock'}),
 * of their time in all and of their time in a transaction, and the apply rate from {@code
 * processed_event}, both loads in the same run. Exits by itself. Command and output:
 * report-service/README.md.
 */
public final class HotRowBenchmark {

    static final int INDICATORS = Integer.getInteger("indicators", 10);
    static final int MONTHS = 12;
    static final int PER_TOWNSHIP = 600;
    /** How many report-service replicas apply the second load (the first is ./bqw up's, the others start here). */
    static final int REPLICAS = Integer.getInteger("replicas", 2);

    static final int FIRST_EXTRA_PORT = 8090;

    public static void main(String[] args) throws Exception {
        String token = LocalPlatform.adminToken();
        HttpClient http = HttpClient.newHttpClient();
        String run = "%02d".formatted(System.currentTimeMillis() / 1000 % 90 + 10);
        List<String> villages = BenchCity.register(http, token, "47" + run, PER_TOWNSHIP);
        System.out.printf(
                "hot-row benchmark: two loads of %,d values (%d SUM indicators × %d months × %,d villages of one"
                        + " county), each applied while pg_stat_activity is sampled every 10 ms%n",
                INDICATORS * MONTHS * villages.size(), INDICATORS, MONTHS, villages.size());
        Load one = load(http, token, run, "A", villages, 1);
        List<Process> started = new java.util.ArrayList<>();
        try {
            for (int replica = 2; replica <= REPLICAS; replica++) {
                started.add(startReplica(FIRST_EXTRA_PORT + replica - 2));
            }
            awaitObservationConsumers(REPLICAS);
            Load many = load(http, token, run, "B", villages, REPLICAS);
            System.out.printf(
                    "%d replicas / one: %.2f× the apply rate; lock waits %.1f %% of the consumers' time (one:"
                            + " %.1f %%)%n",
                    REPLICAS, many.rate() / one.rate(), many.lockShare(), one.lockShare());
        } finally {
            for (Process replica : started) {
                replica.destroy();
                replica.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /** What one load measured. */
    record Load(double rate, double lockShare) {}

    private static Load load(
            HttpClient http, String token, String run, String name, List<String> villages, int consumers)
            throws Exception {
        // One request per indicator: an import takes at most 100,000 rows.
        List<String> requests = new java.util.ArrayList<>();
        for (int i = 0; i < INDICATORS; i++) {
            String indicator = "HOT_" + run + "_" + name + i;
            LocalPlatform.send(
                    http,
                    token,
                    "PUT",
                    "http://localhost:8082/api/v1/indicators/" + indicator,
                    "application/json",
                    """
                    {"nameZh":"热行","campaign":"RURAL","unit":"个","aggregation":"SUM","overTime":"FLOW",
                     "direction":"UP","reportedAt":"VILLAGE","frequency":"MONTHLY"}""");
            StringBuilder csv = new StringBuilder("indicator,region,period,value\n");
            for (int month = 1; month <= MONTHS; month++) {
                for (int v = 0; v < villages.size(); v++) {
                    csv.append(indicator)
                            .append(',')
                            .append(villages.get(v))
                            .append(",2025-%02d,".formatted(month))
                            .append(v % 9 + month)
                            .append('\n');
                }
            }
            requests.add(csv.toString());
        }
        int values = INDICATORS * MONTHS * villages.size();
        try (Connection report = BenchCity.database("report");
                Statement statement = report.createStatement()) {
            awaitDefinitions(statement, "HOT_" + run + "_" + name, INDICATORS);
            Timestamp start = timestamp(statement, "SELECT clock_timestamp()");
            ConcurrentLinkedQueue<int[]> samples = new ConcurrentLinkedQueue<>();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> sample(samples, sampling), "pg_stat_activity-sampler");
            sampler.setDaemon(true);
            sampler.start();
            for (String csv : requests) {
                LocalPlatform.send(
                        http,
                        token,
                        "POST",
                        "http://localhost:8082/api/v1/observations:batch",
                        "text/csv; charset=UTF-8",
                        csv);
            }
            String applied =
                    """
                    SELECT count(*), extract(epoch FROM max(processed_at) - min(processed_at)) FROM processed_event
                    WHERE consumer = 'report-observations' AND processed_at >= '%s'"""
                            .formatted(start);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            double seconds;
            while (true) {
                try (ResultSet rows = statement.executeQuery(applied)) {
                    rows.next();
                    seconds = rows.getDouble(2);
                    if (rows.getLong(1) >= values) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("report-service did not apply the load in time");
                }
                Thread.sleep(200);
            }
            sampling.set(false);
            sampler.join();
            // Only the samples while the consumers applied: from the first sample with one busy to the last.
            List<int[]> window = samples.stream().toList();
            int first = 0;
            while (first < window.size() && window.get(first)[1] == 0) {
                first++;
            }
            int last = window.size() - 1;
            while (last > first && window.get(last)[1] == 0) {
                last--;
            }
            List<int[]> applying = window.subList(first, last + 1);
            long locked = applying.stream().mapToLong(s -> s[0]).sum();
            long busy = applying.stream().mapToLong(s -> s[1]).sum();
            double lockShare = 100.0 * locked / Math.max(1, (long) applying.size() * consumers);
            System.out.printf(
                    "%d replica%s: %,d values applied in %.1f s, %,.0f values/s; %,d samples: lock waits %.1f %% of the"
                            + " consumers' time, %.1f %% of their time in a transaction (busy %.0f %% of the time)%n",
                    consumers,
                    consumers == 1 ? "" : "s",
                    values,
                    seconds,
                    values / seconds,
                    applying.size(),
                    lockShare,
                    100.0 * locked / Math.max(1, busy),
                    100.0 * busy / Math.max(1, (long) applying.size() * consumers));
            return new Load(values / seconds, lockShare);
        }
    }

    /**
     * Every 10 ms: how many of report-service's sessions wait on a lock, and how many are in a
     * transaction (running a statement or between statements).
     */
    private static void sample(ConcurrentLinkedQueue<int[]> samples, AtomicBoolean sampling) {
        try (Connection report = BenchCity.database("report");
                Statement statement = report.createStatement()) {
            while (sampling.get()) {
                try (ResultSet row = statement.executeQuery(
                        """
                        SELECT count(*) FILTER (WHERE wait_event_type = 'Lock'),
                               count(*) FILTER (WHERE state IN ('active', 'idle in transaction'))
                        FROM pg_stat_activity
                        WHERE datname = 'report' AND backend_type = 'client backend'
                          AND application_name <> '%s'"""
                                .formatted(BenchCity.APPLICATION_NAME))) {
                    row.next();
                    samples.add(new int[] {row.getInt(1), row.getInt(2)});
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("sampling pg_stat_activity failed", e);
        }
    }

    private static void awaitDefinitions(Statement report, String prefix, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try (ResultSet rows =
                    report.executeQuery("SELECT count(*) FROM indicator_def WHERE code LIKE '" + prefix + "%'")) {
                rows.next();
                if (rows.getInt(1) == count) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("report-service did not learn the indicators in time");
            }
            Thread.sleep(200);
        }
    }

    private static Timestamp timestamp(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getTimestamp(1);
        }
    }

    /** Another report-service replica on {@code port}, configured as {@code ./bqw up} configures the first. */
    private static Process startReplica(int port) throws Exception {
        Path home = Path.of(System.getProperty("bqw.home", ".bqw"));
        Process replica = ServiceJar.start(
                Path.of("report-service/target/quarkus-app/quarkus-run.jar"),
                "127.0.0.1",
                port,
                Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:55432/report",
                        "QUARKUS_DATASOURCE_USERNAME", "postgres",
                        "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                        "KAFKA_BOOTSTRAP_SERVERS", "localhost:59092",
                        "BQW_JWT_PUBLIC_KEY",
                                home.resolve("keys/public.pem")
                                        .toAbsolutePath()
                                        .toUri()
                                        .toString()),
                home.resolve("logs/report-service-" + port + ".log"));
        System.out.printf("(starting another report-service replica on port %d)%n", port);
        Runtime.getRuntime().addShutdownHook(new Thread(replica::destroy));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(
                                                        URI.create("http://localhost:" + port + "/q/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return replica;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            if (!replica.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the replica on " + port + " did not start: see its log in " + home + "/logs");
            }
            Thread.sleep(500);
        }
    }

    /** Until the consumer group has {@code count} members consuming the observations topic. */
    private static void awaitObservationConsumers(int count) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:59092");
        try (Admin admin = Admin.create(properties)) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (true) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("report-service"))
                        .describedGroups()
                        .get("report-service")
                        .get();
                long observing = group.members().stream()
                        .filter(member -> member.assignment().topicPartitions().stream()
                                .anyMatch(p -> p.topic().equals(Topics.OBSERVATIONS.name())))
                        .count();
                if (observing == count) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            observing + " consumers of the observations, not " + count + ", after two minutes");
                }
                Thread.sleep(500);
            }
        }
    }

    private HotRowBenchmark() {}
}
