package cn.bqw.report.benchmark;

import cn.bqw.testkit.LocalPlatform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Capacity curve of the data-entry path (not a test), against a running {@code ./bqw up --fresh
 * --no-demo}: single {@code POST /api/v1/observations} at each offered rate in turn (open loop: a
 * post is due at its time whether or not earlier ones were answered), through a client of {@code
 * connections} threads each sending one request at a time — HTTP/1.1 with that many pooled
 * connections, as most data-entry apps do, or HTTP/2 streams over h2c. Each step posts to a fresh
 * SUM indicator of the run's own city; a poller reads the city's report every 20 ms. Per step:
 * achieved rate, failures by cause, the post's latency from when it was due (so waiting for a free
 * connection counts), and freshness from a value's 2xx to the report counting it. The sweep runs
 * {@code passes} times: on a platform that has just started, the first pass is the cold one and
 * the next are warm. Exits by itself. Command and output: report-service/README.md.
 */
public final class CapacityBenchmark {

    static final List<Integer> RATES = Arrays.stream(
                    System.getProperty("rates", "100,200,300,500,750,1000").split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList();
    static final int SECONDS = Integer.getInteger("seconds", 14);
    static final int CONNECTIONS = Integer.getInteger("connections", 32);
    static final int PASSES = Integer.getInteger("passes", 2);
    static final String HTTP = System.getProperty("http", "1.1");
    /** Two townships of 600: 1,200 villages × 12 months give each post of a step a key of its own. */
    static final int PER_TOWNSHIP = 600;

    private static final ThreadFactory DAEMONS = runnable -> {
        Thread thread = new Thread(runnable, "capacity-client");
        thread.setDaemon(true);
        return thread;
    };

    /** One post: when it was due, when answered (0: never), and its status or the failure's name. */
    private record Post(long due, long answered, String outcome) {
        boolean ok() {
            return outcome.startsWith("2");
        }
    }

    public static void main(String[] args) throws Exception {
        String token = LocalPlatform.adminToken();
        HttpClient setup = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newCachedThreadPool(DAEMONS))
                .build();
        HttpClient client = HttpClient.newBuilder()
                .version("2".equals(HTTP) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newCachedThreadPool(DAEMONS))
                .build();
        String run = "%02d".formatted(System.currentTimeMillis() / 1000 % 90 + 10);
        String city = "46" + run + "00000000";
        List<String> villages = BenchCity.register(setup, token, "46" + run, PER_TOWNSHIP);
        System.out.printf(
                "capacity benchmark: single POST /api/v1/observations, HTTP/%s, %d connections (one request at a"
                        + " time each), %d s per rate, rates %s, %d passes%n",
                HTTP, CONNECTIONS, SECONDS, RATES, PASSES);
        for (int pass = 1; pass <= PASSES; pass++) {
            for (int rate : RATES) {
                String indicator = "CAP_" + run + "_" + pass + "_" + rate;
                LocalPlatform.send(
                        setup,
                        token,
                        "PUT",
                        "http://localhost:8082/api/v1/indicators/" + indicator,
                        "application/json",
                        """
                        {"nameZh":"容量","campaign":"RURAL","unit":"个","aggregation":"SUM","overTime":"FLOW",
                         "direction":"UP","reportedAt":"VILLAGE","frequency":"MONTHLY","outliers":"FLAG"}""");
                Thread.sleep(2000); // both services have the definition
                step(client, setup, token, city, villages, indicator, rate, pass);
            }
        }
    }

    private static void step(
            HttpClient client,
            HttpClient reader,
            String token,
            String city,
            List<String> villages,
            String indicator,
            int rate,
            int pass)
            throws Exception {
        int total = rate * SECONDS;
        ConcurrentLinkedQueue<Post> posts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> readings = new ConcurrentLinkedQueue<>();
        ObjectMapper json = new ObjectMapper();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(DAEMONS);
        poller.scheduleAtFixedRate(
                () -> readings.add(new long[] {System.nanoTime(), total(reader, json, token, city, indicator)}),
                0,
                20,
                TimeUnit.MILLISECONDS);
        ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS, DAEMONS);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String body = """
                    {"indicator":"%s","region":"%s","period":"2025-%02d","value":1}"""
                    .formatted(indicator, villages.get(i % villages.size()), i / villages.size() % 12 + 1);
            senders.execute(() -> posts.add(post(client, token, body, due)));
        }
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        double window = (System.nanoTime() - start) / 1e9;
        long ok = posts.stream().filter(Post::ok).count();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && latest(readings) < ok) {
            Thread.sleep(50);
        }
        poller.shutdownNow();

        Map<String, Integer> failures = new TreeMap<>();
        posts.stream().filter(p -> !p.ok()).forEach(p -> failures.merge(p.outcome(), 1, Integer::sum));
        List<Double> latency = new ArrayList<>();
        List<Long> answeredAt = new ArrayList<>();
        for (Post post : posts) {
            if (post.ok()) {
                latency.add((post.answered() - post.due()) / 1e6);
                answeredAt.add(post.answered());
            }
        }
        Collections.sort(latency);
        Collections.sort(answeredAt);
        List<long[]> seen = new ArrayList<>(readings);
        List<Double> freshness = new ArrayList<>();
        int r = 0;
        for (int k = 0; k < answeredAt.size(); k++) {
            while (r < seen.size() && seen.get(r)[1] < k + 1) {
                r++;
            }
            if (r == seen.size()) {
                break;
            }
            // A reading taken before the k-th 2xx already showed k values: visible at once.
            freshness.add(Math.max(0, seen.get(r)[0] - answeredAt.get(k)) / 1e6);
        }
        Collections.sort(freshness);
        System.out.printf(
                "pass %d, offered %4d/s: achieved %4.0f/s, %,d posted, %d failed %s; POST p50 %.0f ms p99 %.0f ms;"
                        + " freshness p50 %.0f ms p99 %.0f ms (%,d measured)%n",
                pass,
                rate,
                ok / window,
                total,
                total - ok,
                failures.isEmpty() ? "" : failures,
                percentile(latency, 0.5),
                percentile(latency, 0.99),
                percentile(freshness, 0.5),
                percentile(freshness, 0.99),
                freshness.size());
    }

    private static Post post(HttpClient client, String token, String body, long due) {
        try {
            HttpResponse<Void> answer = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:8082/api/v1/observations"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return new Post(due, System.nanoTime(), Integer.toString(answer.statusCode()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Post(due, 0, "interrupted");
        } catch (Exception e) {
            return new Post(due, 0, e.getClass().getSimpleName());
        }
    }

    /** The city's total of the indicator as the report shows it now; 0 when it cannot be read. */
    private static long total(HttpClient http, ObjectMapper json, String token, String city, String indicator) {
        try {
            HttpResponse<String> report = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://localhost:8080/api/v1/reports/regions/" + city + "?year=2025&asOf=2025-12"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode campaign : json.readTree(report.body()).path("campaigns")) {
                for (JsonNode item : campaign.path("indicators")) {
                    if (indicator.equals(item.path("code").asText())) {
                        return item.at("/assessment/actual").asLong(0);
                    }
                }
            }
        } catch (Exception e) {
            // a slow or failed poll only delays the next reading
        }
        return 0;
    }

    private static long latest(ConcurrentLinkedQueue<long[]> readings) {
        return readings.stream().mapToLong(r -> r[1]).max().orElse(0);
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    private CapacityBenchmark() {}
}
