package cn.bqw.report.benchmark;

import cn.bqw.testkit.LocalPlatform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Freshness benchmark (not a test), against a running {@code ./bqw up}: single observations posted
 * to indicator-service at a steady rate, each adding 1 to a fresh SUM indicator of a fresh city;
 * a poller reads that city's report every 20 ms. The k-th value to get its 2xx is visible once the
 * city's total reaches k; freshness is that moment minus its 2xx. Command and output:
 * report-service/README.md.
 */
public final class FreshnessBenchmark {

    static final int RATE = Integer.getInteger("rate", 500);
    static final int SECONDS = Integer.getInteger("seconds", 28);
    /** Two townships of 600: 1,200 villages × 12 months give each post a key of its own. */
    static final int PER_TOWNSHIP = 600;

    public static void main(String[] args) throws Exception {
        String token = LocalPlatform.adminToken();
        // Daemon threads: the benchmark ends when main does, without anyone killing it.
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(16, runnable -> {
                    Thread thread = new Thread(runnable, "freshness-client");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
        ObjectMapper json = new ObjectMapper();
        String run = "%02d".formatted(System.currentTimeMillis() / 1000 % 90 + 10);
        String city = "47" + run + "00000000";
        String county = "47" + run + "01000000";
        List<String> townships = List.of("47" + run + "01001000", "47" + run + "01002000");
        String indicator = "FRESH_" + run + "_" + System.currentTimeMillis() % 100000;
        LocalPlatform.send(
                http,
                token,
                "POST",
                "http://localhost:8081/api/v1/divisions:import",
                "text/csv; charset=UTF-8",
                "code,nameZh\n" + city + ",新鲜市\n" + county + ",新鲜县\n" + townships.get(0) + ",新鲜一镇\n" + townships.get(1)
                        + ",新鲜二镇\n");
        List<String> codes = new ArrayList<>();
        StringBuilder villages = new StringBuilder("code,nameZh,category,planType,residentPopulation\n");
        for (String township : townships) {
            for (int v = 1; v <= PER_TOWNSHIP; v++) {
                String code = township.substring(0, 9) + "%03d".formatted(v);
                codes.add(code);
                villages.append(code).append(",村,ORDINARY,AGGLOMERATION,1000\n");
            }
        }
        LocalPlatform.send(
                http,
                token,
                "POST",
                "http://localhost:8081/api/v1/villages:import",
                "text/csv; charset=UTF-8",
                villages.toString());
        LocalPlatform.send(
                http,
                token,
                "PUT",
                "http://localhost:8082/api/v1/indicators/" + indicator,
                "application/json",
                """
                {"nameZh":"新鲜度","campaign":"RURAL","unit":"个","aggregation":"SUM","overTime":"FLOW","direction":"UP",
                 "reportedAt":"VILLAGE","frequency":"MONTHLY","outliers":"FLAG"}""");
        awaitReplicas(codes);

        int total = RATE * SECONDS;
        List<Long> answered = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<long[]> seen = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        Map<Object, Integer> statuses = new ConcurrentHashMap<>();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleAtFixedRate(
                () -> {
                    try {
                        HttpResponse<String> report = http.send(
                                get(
                                        token,
                                        "http://localhost:8080/api/v1/reports/regions/" + city
                                                + "?year=2025&asOf=2025-12"),
                                HttpResponse.BodyHandlers.ofString());
                        long now = System.nanoTime();
                        for (JsonNode campaign : json.readTree(report.body()).path("campaigns")) {
                            for (JsonNode item : campaign.path("indicators")) {
                                if (indicator.equals(item.path("code").asText())) {
                                    seen.add(new long[] {
                                        now, item.at("/assessment/actual").asLong(0)
                                    });
                                }
                            }
                        }
                    } catch (Exception e) {
                        // a slow or failed poll only delays the next reading
                    }
                },
                0,
                20,
                TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / RATE;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String body = """
                    {"indicator":"%s","region":"%s","period":"2025-%02d","value":1}"""
                    .formatted(indicator, codes.get(i % codes.size()), i / codes.size() % 12 + 1);
            http.sendAsync(
                            HttpRequest.newBuilder(URI.create("http://localhost:8082/api/v1/observations"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((answer, error) -> {
                        if (answer != null && answer.statusCode() / 100 == 2) {
                            answered.add(System.nanoTime());
                        } else {
                            failures.incrementAndGet();
                            statuses.merge(
                                    answer == null ? error.getClass().getSimpleName() : answer.statusCode(),
                                    1,
                                    Integer::sum);
                        }
                    });
        }
        double postingSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long[] last = seen.stream().reduce((a, b) -> b).orElse(new long[] {0, 0});
            if (last[1] >= answered.size() && answered.size() + failures.get() >= total) {
                break;
            }
            Thread.sleep(100);
        }
        poller.shutdownNow();

        List<Long> done = new ArrayList<>(answered);
        Collections.sort(done);
        List<long[]> readings = new ArrayList<>(seen);
        List<Double> freshness = new ArrayList<>();
        int r = 0;
        for (int k = 0; k < done.size(); k++) {
            while (r < readings.size() && readings.get(r)[1] < k + 1) {
                r++;
            }
            if (r == readings.size()) {
                break;
            }
            // A reading taken before the k-th 2xx already showed k values: visible at once.
            freshness.add(Math.max(0, readings.get(r)[0] - done.get(k)) / 1e6);
        }
        Collections.sort(freshness);
        System.out.printf(
                "freshness benchmark: %,d single observations at %d/s for %d s (posting took %.1f s; %d failed)%n",
                total, RATE, SECONDS, postingSeconds, failures.get());
        if (!statuses.isEmpty()) {
            System.out.println("failed answers: " + statuses);
        }
        System.out.printf(
                "from indicator-service's 2xx to the report showing the value (poll every 20 ms, %,d measured):"
                        + " p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                freshness.size(),
                percentile(freshness, 0.5),
                percentile(freshness, 0.9),
                percentile(freshness, 0.99),
                freshness.isEmpty() ? 0 : freshness.get(freshness.size() - 1));
    }

    /**
     * Waits until both indicator-service (which refuses values of regions it does not know) and
     * report-service (which rolls them up to the city) know every village of the run.
     */
    private static void awaitReplicas(List<String> villages) throws Exception {
        for (String database : List.of("indicator", "report")) {
            try (Connection db = DriverManager.getConnection(
                            "jdbc:postgresql://localhost:55432/" + database, "postgres", "postgres");
                    PreparedStatement count =
                            db.prepareStatement("SELECT count(*) FROM region_replica WHERE code = ANY(?) AND active")) {
                count.setArray(1, db.createArrayOf("varchar", villages.toArray()));
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (true) {
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        if (rows.getInt(1) == villages.size()) {
                            break;
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(database + "-service did not learn the villages in time");
                    }
                    Thread.sleep(200);
                }
            }
        }
        Thread.sleep(2000); // the indicator's definition, sent before the villages, is there too
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    private static HttpRequest get(String token, String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build();
    }

    private FreshnessBenchmark() {}
}
