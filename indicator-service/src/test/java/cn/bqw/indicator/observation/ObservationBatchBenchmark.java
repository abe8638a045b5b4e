package cn.bqw.indicator.observation;

import cn.bqw.testkit.LocalPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Observation batch benchmark (not a test), against a running {@code ./bqw up}: 100,000 values as
 * one CSV request to {@code POST /api/v1/observations:batch}, next to a plain JDBC batch insert of
 * the same rows into a copy of the observation table in the same database, in the same run.
 * Command and output: indicator-service/README.md.
 */
public final class ObservationBatchBenchmark {

    static final int INDICATORS = 10;
    static final int MONTHS = 10;
    static final int TOWNSHIPS = 20;
    static final int VILLAGES_PER_TOWNSHIP = 50;
    static final String VILLAGE_API = "http://localhost:8081";
    static final String INDICATOR_API = "http://localhost:8082";
    static final String JDBC = System.getProperty("jdbc", "jdbc:postgresql://localhost:55432/indicator");
    static final String REPORT_JDBC = JDBC.replace("/indicator", "/report");

    public static void main(String[] args) throws Exception {
        String token = LocalPlatform.adminToken();
        HttpClient http = HttpClient.newHttpClient();
        // A fresh county per run (codes 4699xx…), so that values of earlier runs do not count as "ignored".
        String county = "4699" + "%02d".formatted(System.currentTimeMillis() / 1000 % 90 + 10) + "000000";
        List<String> villages = registerVillages(http, token, county);
        for (int i = 0; i < INDICATORS; i++) {
            LocalPlatform.send(
                    http,
                    token,
                    "PUT",
                    INDICATOR_API + "/api/v1/indicators/BENCH_" + i,
                    "application/json",
                    """
                    {"nameZh":"基准指标","campaign":"RURAL","unit":"个","aggregation":"SUM","overTime":"FLOW",
                     "direction":"UP","reportedAt":"VILLAGE","frequency":"MONTHLY","validMin":0}""");
        }
        awaitReplica(villages);

        List<String[]> rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder("indicator,region,period,value\n");
        for (int i = 0; i < INDICATORS; i++) {
            for (int month = 1; month <= MONTHS; month++) {
                for (int v = 0; v < villages.size(); v++) {
                    String[] row = {
                        "BENCH_" + i, villages.get(v), "2025-%02d".formatted(month), Integer.toString(v % 9 + month)
                    };
                    rows.add(row);
                    csv.append(String.join(",", row)).append('\n');
                }
            }
        }
        System.out.printf(
                "observation batch benchmark: %,d values (%d indicators × %d months × %,d villages), CSV of %,d bytes%n",
                rows.size(), INDICATORS, MONTHS, villages.size(), csv.length());

        // The service's first import runs its code cold: a dry run of a fifth of the rows warms it up.
        String warmUp = csv.substring(0, csv.indexOf("BENCH_2,"));
        post(http, token, "?dryRun=true", warmUp, rows.size() / 5, "warm-up, dry run");
        awaitQuiet("the first load");
        double firstLoad = post(http, token, "", csv.toString(), rows.size(), "first load, every value new");
        awaitQuiet("the revision");
        double revision = post(http, token, "", revised(rows), rows.size(), "revision, every value changed");
        awaitQuiet("the plain inserts");

        double plain = jdbcBatchInsert(rows, "");
        System.out.printf(
                "plain JDBC batch insert of the same rows into a copy of the table: %.2f s, %,.0f rows/s%n",
                plain, rows.size() / plain);
        awaitQuiet("the rewritten inserts");
        double rewritten = jdbcBatchInsert(rows, "?reWriteBatchedInserts=true");
        System.out.printf(
                "the same with the driver's reWriteBatchedInserts=true (multi-row INSERTs): %.2f s, %,.0f rows/s%n",
                rewritten, rows.size() / rewritten);
        System.out.printf(
                "batch endpoint throughput / plain batch insert: first load %.2f×, revision %.2f×;"
                        + " / rewritten batch insert: first load %.2f×, revision %.2f×%n",
                plain / firstLoad, plain / revision, rewritten / firstLoad, rewritten / revision);
    }

    private static double post(HttpClient http, String token, String query, String csv, int values, String what)
            throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(INDICATOR_API + "/api/v1/observations:batch" + query))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/csv; charset=UTF-8")
                        .timeout(Duration.ofMinutes(30))
                        .POST(HttpRequest.BodyPublishers.ofString(csv))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "POST /api/v1/observations:batch (%s): %.2f s, %,.0f values/s; answer %d %s%n",
                what, seconds, values / seconds, answer.statusCode(), answer.body());
        return seconds;
    }

    private static String revised(List<String[]> rows) {
        StringBuilder csv = new StringBuilder("indicator,region,period,value\n");
        for (String[] row : rows) {
            csv.append(row[0])
                    .append(',')
                    .append(row[1])
                    .append(',')
                    .append(row[2])
                    .append(',');
            csv.append(Integer.parseInt(row[3]) + 1).append('\n');
        }
        return csv.toString();
    }

    private static List<String> registerVillages(HttpClient http, String token, String county) throws Exception {
        StringBuilder divisions = new StringBuilder("code,nameZh\n469900000000,基准市\n")
                .append(county)
                .append(",基准县\n");
        StringBuilder villagesCsv = new StringBuilder("code,nameZh,category,planType,residentPopulation\n");
        List<String> villages = new ArrayList<>();
        for (int t = 1; t <= TOWNSHIPS; t++) {
            String township = county.substring(0, 6) + "%03d".formatted(100 + t);
            divisions.append(township).append("000,镇").append(t).append('\n');
            for (int v = 1; v <= VILLAGES_PER_TOWNSHIP; v++) {
                String village = township + "%03d".formatted(v);
                villages.add(village);
                villagesCsv.append(village).append(",村,ORDINARY,AGGLOMERATION,1000\n");
            }
        }
        LocalPlatform.send(
                http,
                token,
                "POST",
                VILLAGE_API + "/api/v1/divisions:import",
                "text/csv; charset=UTF-8",
                divisions.toString());
        LocalPlatform.send(
                http,
                token,
                "POST",
                VILLAGE_API + "/api/v1/villages:import",
                "text/csv; charset=UTF-8",
                villagesCsv.toString());
        return villages;
    }

    /** Waits until indicator-service's replica holds every village, and its outbox is quiet. */
    private static void awaitReplica(List<String> villages) throws Exception {
        try (Connection connection = DriverManager.getConnection(JDBC, "postgres", "postgres");
                PreparedStatement count =
                        connection.prepareStatement("SELECT count(*) FROM region_replica WHERE code = ANY(?)")) {
            count.setArray(1, connection.createArrayOf("varchar", villages.toArray()));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) == villages.size()) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("indicator-service did not learn the benchmark's villages in time");
        }
    }

    /**
     * Waits until the relay has published every event and report-service has applied them (its
     * projection unchanged for three seconds), so that each measurement runs on a quiet machine:
     * otherwise report-service, applying the previous post's events on the same two cores and
     * database, slows whatever is measured next.
     */
    private static void awaitQuiet(String before) throws Exception {
        long start = System.nanoTime();
        try (Connection indicator = DriverManager.getConnection(JDBC, "postgres", "postgres");
                Connection report = DriverManager.getConnection(REPORT_JDBC, "postgres", "postgres");
                Statement unsent = indicator.createStatement();
                Statement applied = report.createStatement()) {
            while (count(unsent, "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL") > 0) {
                Thread.sleep(200);
            }
            String last = text(applied, "SELECT max(applied_at)::text FROM projection_state");
            while (true) {
                Thread.sleep(3000);
                String now = text(applied, "SELECT max(applied_at)::text FROM projection_state");
                if (Objects.equals(now, last)) {
                    break;
                }
                last = now;
            }
        }
        System.out.printf(
                "(%.1f s until the relay and report-service were quiet, before %s)%n",
                (System.nanoTime() - start) / 1e9, before);
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String text(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private static double jdbcBatchInsert(List<String[]> rows, String driverOptions) throws Exception {
        try (Connection connection = DriverManager.getConnection(JDBC + driverOptions, "postgres", "postgres")) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS observation_benchmark");
                ddl.execute("CREATE TABLE observation_benchmark (LIKE observation INCLUDING ALL)");
            }
            connection.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    INSERT INTO observation_benchmark (indicator_code, region_code, period, area, value, version,
                                                       recorded_at, recorded_by)
                    VALUES (?, ?, ?, 'TOTAL', ?, 1, ?, 'benchmark')""")) {
                int pending = 0;
                for (String[] row : rows) {
                    insert.setString(1, row[0]);
                    insert.setString(2, row[1]);
                    insert.setString(3, row[2]);
                    insert.setBigDecimal(4, new java.math.BigDecimal(row[3]));
                    insert.setTimestamp(5, now);
                    insert.addBatch();
                    if (++pending == ObservationImport.BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE observation_benchmark");
            }
            connection.commit();
            return seconds;
        }
    }

    private ObservationBatchBenchmark() {}
}
