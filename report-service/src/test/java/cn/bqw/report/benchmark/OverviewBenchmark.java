package cn.bqw.report.benchmark;

import cn.bqw.testkit.LocalPlatform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Overview latency benchmark (not a test), against a running {@code ./bqw up} loaded with a
 * province ({@code ./bqw load --cities 3 --villages 30000 --months 12}) or a province-scale city:
 * the overview of the deployment's root, read sequentially, next to the same figures computed by
 * one SQL GROUP BY over indicator-service's raw observations in the same database server, in the
 * same run; the two answers are compared indicator by indicator. Command and output:
 * report-service/README.md.
 */
public final class OverviewBenchmark {

    static final int YEAR = 2025;
    static final int READS = Integer.getInteger("reads", 1000);
    /**
     * Reads before measuring, so that the service's JIT has compiled the read path: on a service just
     * started, 300 were not enough (p50 10.4 ms, p99 34.7 ms, then 4.8 and 19.0 ms in the next run).
     */
    static final int WARM_UP = Integer.getInteger("warmUp", 3000);

    static final int QUERIES = Integer.getInteger("queries", 15);
    static final String JDBC = System.getProperty("jdbc", "jdbc:postgresql://localhost:55432/indicator");

    /**
     * The overview's actual for every indicator, straight from the observations: FLOW sums a
     * region's periods begun by the month, LEVEL takes its latest such period; then across the
     * root's regions by the indicator's aggregation (DESIGN.md §5).
     */
    static final String GROUP_BY =
            """
            WITH obs AS (
              SELECT o.indicator_code, o.region_code, o.value, o.numerator, o.denominator, o.weight,
                     i.aggregation, i.over_time,
                     CASE WHEN length(o.period) = 4 THEN 1
                          WHEN substr(o.period, 5, 1) = 'Q' THEN substr(o.period, 6, 1)::int * 3 - 2
                          ELSE substr(o.period, 6, 2)::int END AS first_month
              FROM observation o JOIN indicator i ON i.code = o.indicator_code
              WHERE o.area = 'TOTAL' AND o.period LIKE ? AND o.region_code LIKE ?
            ),
            per_region AS (
              (SELECT DISTINCT ON (indicator_code, region_code)
                      indicator_code, region_code, aggregation, value, numerator, denominator, weight
               FROM obs WHERE over_time = 'LEVEL' AND first_month <= ?
               ORDER BY indicator_code, region_code, first_month DESC)
              UNION ALL
              (SELECT indicator_code, region_code, max(aggregation), sum(value), sum(numerator), sum(denominator), max(weight)
               FROM obs WHERE over_time = 'FLOW' AND first_month <= ?
               GROUP BY indicator_code, region_code)
            )
            SELECT p.indicator_code,
              CASE max(p.aggregation)
                WHEN 'SUM' THEN sum(p.value)
                WHEN 'COUNT_TRUE' THEN sum(p.value)
                WHEN 'MEAN' THEN avg(p.value)
                WHEN 'WEIGHTED_MEAN' THEN sum(p.value * coalesce(p.weight, r.population)) / sum(coalesce(p.weight, r.population))
                WHEN 'RATIO' THEN 100 * sum(p.numerator) / sum(p.denominator)
                WHEN 'SHARE_TRUE' THEN 100 * sum(p.value)
                    / (SELECT count(*) FROM region_replica WHERE level = 'VILLAGE' AND active AND code LIKE ?)
                WHEN 'LATEST' THEN max(p.value) FILTER (WHERE p.region_code = ?)
              END AS actual
            FROM per_region p LEFT JOIN region_replica r ON r.code = p.region_code
            GROUP BY p.indicator_code
            """;

    public static void main(String[] args) throws Exception {
        String token = LocalPlatform.adminToken();
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        HttpRequest overview = HttpRequest.newBuilder(
                        URI.create("http://localhost:8080/api/v1/reports/overview?year=" + YEAR))
                .header("Authorization", "Bearer " + token)
                .build();

        JsonNode answer = null;
        for (int i = 0; i < WARM_UP; i++) {
            answer = json.readTree(
                    http.send(overview, HttpResponse.BodyHandlers.ofString()).body());
        }
        int month = Integer.parseInt(answer.get("asOf").asText().substring(5));
        String root = answer.get("region").asText();
        long[] reads = new long[READS];
        for (int i = 0; i < READS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(overview, HttpResponse.BodyHandlers.ofString());
            reads[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("overview answered " + response.statusCode());
            }
        }

        Map<String, BigDecimal> fromSql = new TreeMap<>();
        long[] queries = new long[QUERIES];
        try (Connection db = DriverManager.getConnection(JDBC, "postgres", "postgres");
                PreparedStatement query = db.prepareStatement(GROUP_BY)) {
            String prefix = cn.bqw.platform.division.DivisionCode.parse(root)
                            .orElseThrow()
                            .prefix() + "%";
            query.setString(1, YEAR + "%");
            query.setString(2, prefix);
            query.setInt(3, month);
            query.setInt(4, month);
            query.setString(5, prefix);
            query.setString(6, root);
            for (int i = -1; i < QUERIES; i++) {
                long start = System.nanoTime();
                fromSql.clear();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        BigDecimal actual = rows.getBigDecimal(2);
                        fromSql.put(
                                rows.getString(1), actual == null ? null : actual.setScale(4, RoundingMode.HALF_EVEN));
                    }
                }
                if (i >= 0) {
                    queries[i] = System.nanoTime() - start;
                }
            }
        }

        Map<String, BigDecimal> fromReport = new TreeMap<>();
        answer.get("campaigns").forEach(campaign -> campaign.get("indicators").forEach(indicator -> {
            JsonNode actual = indicator.get("assessment").get("actual");
            fromReport.put(
                    indicator.get("code").asText(),
                    actual.isNull() ? null : actual.decimalValue().setScale(4, RoundingMode.HALF_EVEN));
        }));
        List<String> differences = new ArrayList<>();
        fromReport.forEach((code, actual) -> {
            BigDecimal sql = fromSql.get(code);
            if (actual == null ? sql != null : sql == null || actual.compareTo(sql) != 0) {
                differences.add(code + ": overview " + actual + ", GROUP BY " + sql);
            }
        });

        System.out.printf(
                "overview benchmark: %s %s, %d indicators as of %s, %,d observations in indicator-service%n",
                answer.get("level").asText().toLowerCase(java.util.Locale.ROOT),
                root,
                fromReport.size(),
                answer.get("asOf").asText(),
                count(JDBC));
        System.out.printf(
                "GET /api/v1/reports/overview, %d sequential reads after %d to warm up: %s%n",
                READS, WARM_UP, percentiles(reads));
        System.out.printf("SQL GROUP BY over the raw observations, %d runs: %s%n", QUERIES, percentiles(queries));
        System.out.printf(
                "GROUP BY / overview: %.0f× at p50, %.0f× at p99; answers: %s%n",
                median(queries) / median(reads),
                percentile(queries, 0.99) / percentile(reads, 0.99),
                differences.isEmpty() ? "the same " + fromReport.size() + " actuals" : differences);
    }

    private static long count(String jdbc) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres");
                ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM observation")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String percentiles(long[] nanos) {
        return String.format(
                "p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                median(nanos) / 1e6, percentile(nanos, 0.99) / 1e6, percentile(nanos, 1.0) / 1e6);
    }

    private static double median(long[] nanos) {
        return percentile(nanos, 0.5);
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
}
