package cn.bqw.village.importing;

import cn.bqw.local.DevKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Village import benchmark (not a test), against a running {@code ./bqw up}: 30,000 villages as one
 * CSV request to {@code POST /api/v1/villages:import}, next to a plain JDBC batch insert of the same
 * rows into a copy of the village table in the same database, in the same run. Command and output:
 * village-service/README.md.
 */
public final class VillageImportBenchmark {

    static final int VILLAGES = Integer.getInteger("villages", 30_000);
    static final int TOWNSHIPS = 100;
    static final String COUNTY = "459901000000";

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("bqw.home", ".bqw"));
        String token = DevKeys.in(home.resolve("keys"))
                .sign(DevKeys.claims("benchmark", Set.of("admin"), List.of(), Duration.ofHours(1)));
        HttpClient http = HttpClient.newHttpClient();
        String run = Long.toString(System.currentTimeMillis() % 900 + 100);
        // A fresh county per run (codes 45990100…): villages of earlier runs do not count as "ignored".
        String county = COUNTY.substring(0, 4) + run.substring(1) + "000000";
        post(http, token, "/api/v1/divisions", "{\"code\":\"459900000000\",\"nameZh\":\"基准市\"}");
        post(http, token, "/api/v1/divisions", "{\"code\":\"" + county + "\",\"nameZh\":\"基准县\"}");
        for (int t = 1; t <= TOWNSHIPS; t++) {
            post(
                    http,
                    token,
                    "/api/v1/divisions",
                    "{\"code\":\"" + township(county, t) + "\",\"nameZh\":\"镇" + t + "\"}");
        }
        StringBuilder csv = new StringBuilder(
                "code,nameZh,category,planType,belts,pilots,registeredPopulation,residentPopulation,households,areaKm2,arableLandMu\n");
        for (int i = 0; i < VILLAGES; i++) {
            csv.append(code(county, i))
                    .append(",村")
                    .append(i)
                    .append(i % 30 == 0 ? ",DEMONSTRATION" : ",ORDINARY")
                    .append(",AGGLOMERATION,URBAN_AGRI_BELT,MAP_AND_CODE|POINTS_GOVERNANCE,2800,")
                    .append(1000 + i % 2000)
                    .append(",700,4.700,3120.00\n");
        }
        System.out.printf(
                "village import benchmark: %,d villages in %d townships, CSV of %,d bytes%n",
                VILLAGES, TOWNSHIPS, csv.length());

        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:8081/api/v1/villages:import"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/csv; charset=UTF-8")
                        .timeout(Duration.ofMinutes(30))
                        .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double importSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "POST /api/v1/villages:import: %.2f s, %,.0f villages/s; answer %d %s%n",
                importSeconds, VILLAGES / importSeconds, answer.statusCode(), answer.body());

        double jdbcSeconds = jdbcBatchInsert(county);
        System.out.printf(
                "plain JDBC batch insert of the same rows into a copy of the table: %.2f s, %,.0f rows/s%n",
                jdbcSeconds, VILLAGES / jdbcSeconds);
        System.out.printf(
                "import / plain insert: %.2f× the time (the import also validates every row, checks"
                        + " regions, and writes an audit row and an outbox event per village)%n",
                importSeconds / jdbcSeconds);
    }

    private static double jdbcBatchInsert(String county) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                System.getProperty("jdbc", "jdbc:postgresql://localhost:55432/village"), "postgres", "postgres")) {
            try (Statement ddl = connection.createStatement()) {
                // Let the relay publish the import's events first, so that both halves run on a quiet machine.
                while (true) {
                    try (var unsent = ddl.executeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")) {
                        unsent.next();
                        if (unsent.getLong(1) == 0) {
                            break;
                        }
                    }
                    Thread.sleep(200);
                }
                Thread.sleep(5000);
                ddl.execute("DROP TABLE IF EXISTS village_benchmark");
                ddl.execute("CREATE TABLE village_benchmark (LIKE village INCLUDING ALL)");
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    INSERT INTO village_benchmark (code, township_code, name_zh, category, plan_type, belts, pilots,
                        registered_population, resident_population, households, area_km2, arable_land_mu, status,
                        active_from, version, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'AGGLOMERATION', ?, ?, 2800, ?, 700, 4.7, 3120, 'ACTIVE', ?, 0, now(), now())""")) {
                for (int i = 0; i < VILLAGES; i++) {
                    String code = code(county, i);
                    insert.setString(1, code);
                    insert.setString(2, code.substring(0, 9) + "000");
                    insert.setString(3, "村" + i);
                    insert.setString(4, i % 30 == 0 ? "DEMONSTRATION" : "ORDINARY");
                    insert.setArray(5, connection.createArrayOf("varchar", new String[] {"URBAN_AGRI_BELT"}));
                    insert.setArray(
                            6, connection.createArrayOf("varchar", new String[] {"MAP_AND_CODE", "POINTS_GOVERNANCE"}));
                    insert.setInt(7, 1000 + i % 2000);
                    insert.setObject(8, LocalDate.now());
                    insert.addBatch();
                    if ((i + 1) % 500 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE village_benchmark");
            }
            connection.commit();
            return seconds;
        }
    }

    private static String township(String county, int t) {
        return county.substring(0, 6) + (100 + t) + "000";
    }

    private static String code(String county, int i) {
        return township(county, 1 + i % TOWNSHIPS).substring(0, 9) + String.format("%03d", 1 + i / TOWNSHIPS);
    }

    private static void post(HttpClient http, String token, String path, String json) throws Exception {
        http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:8081" + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private VillageImportBenchmark() {}
}
