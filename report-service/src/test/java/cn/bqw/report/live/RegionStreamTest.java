package cn.bqw.report.live;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.report.ProjectionEvents;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code /stream?region=}: a county official's stream tells of the county's and its townships'
 * status changes, not of another county's (730101…, 730201…, under cities nobody registered).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class RegionStreamTest {

    static final String COUNTY = "730101000000";
    static final String TOWNSHIP = "730101001000";
    static final String OTHER_COUNTY = "730201000000";
    static final String OTHER_TOWNSHIP = "730201001000";

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aRegionsStreamCarriesItsOwnStatusChangesOnly() throws Exception {
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.indicator("STREAM_COUNT", "SUM", "FLOW", "TOWNSHIP", "个")
                    .division(COUNTY, "COUNTY", "730100000000", "流县", "LEAD")
                    .division(TOWNSHIP, "TOWNSHIP", COUNTY, "流镇", null)
                    .division(OTHER_COUNTY, "COUNTY", "730200000000", "别县", "LEAD")
                    .division(OTHER_TOWNSHIP, "TOWNSHIP", OTHER_COUNTY, "别镇", null)
                    .target("STREAM_COUNT", TOWNSHIP, 2025, "120")
                    .target("STREAM_COUNT", OTHER_TOWNSHIP, 2025, "120")
                    // 60 of 120 as of June is on pace.
                    .observation("STREAM_COUNT", TOWNSHIP, "2025-06", "TOTAL", "\"value\":60")
                    .observation("STREAM_COUNT", OTHER_TOWNSHIP, "2025-06", "TOTAL", "\"value\":60");
        }
        try (cn.bqw.testkit.TestEvents events = new cn.bqw.testkit.TestEvents()) {
            events.send("bqw.tasks.v1", "bqw.task.registered.v1", "STREAM-T", task("ON_SCHEDULE", 1));
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            assertEquals("ON_TRACK", status(TOWNSHIP));
            assertEquals("ON_TRACK", status(OTHER_TOWNSHIP));
            assertEquals(
                    1,
                    given().auth()
                            .oauth2(TestTokens.viewer())
                            .queryParam("region", COUNTY)
                            .get("/api/v1/reports/tasks")
                            .jsonPath()
                            .getInt("tasks"));
        });

        List<String> received = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> answer = http.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                                        + "/api/v1/reports/stream?year=2025&region=" + COUNTY))
                                .header("Authorization", "Bearer " + TestTokens.viewer())
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream())
                .get(30, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode());
        try (InputStream body = answer.body()) {
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    lines.lines().filter(l -> l.startsWith("data:")).forEach(received::add);
                } catch (Exception closed) {
                    // The test closed the stream.
                }
            });
            reader.setDaemon(true);
            reader.start();
            // The stream's first look is its baseline: values arriving until a refresh is heard may be part of it.
            int nudge = 0;
            while (received.stream().noneMatch(e -> e.contains("\"REFRESH\""))) {
                try (ProjectionEvents events = new ProjectionEvents()) {
                    events.revision("STREAM_COUNT", OTHER_TOWNSHIP, "2025-06", "TOTAL", "\"value\":60", 2 + nudge++);
                }
                Thread.sleep(1000);
                assertTrue(nudge < 30, "no refresh heard");
            }
            // Both townships fall behind: 6 of 120.
            try (ProjectionEvents events = new ProjectionEvents()) {
                events.revision("STREAM_COUNT", OTHER_TOWNSHIP, "2025-06", "TOTAL", "\"value\":6", 100)
                        .revision("STREAM_COUNT", TOWNSHIP, "2025-06", "TOTAL", "\"value\":6", 100);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> received.stream()
                    .anyMatch(e -> e.contains("\"STATUS\"") && e.contains("\"region\":\"" + TOWNSHIP + "\"")));
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertEquals("OFF_TRACK", status(OTHER_TOWNSHIP)));
            // A task of the county's ledger falls behind: told as a TASK_STATUS event.
            try (cn.bqw.testkit.TestEvents events = new cn.bqw.testkit.TestEvents()) {
                events.send("bqw.tasks.v1", "bqw.task.updated.v1", "STREAM-T", task("BEHIND", 2));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> received.stream()
                    .anyMatch(e -> e.contains("\"TASK_STATUS\"")
                            && e.contains("\"STREAM-T\"")
                            && e.contains("\"to\":\"BEHIND\"")));
            Thread.sleep(2 * LiveReports.TICK_MILLIS);
            assertTrue(
                    received.stream().noneMatch(e -> e.contains(OTHER_TOWNSHIP) || e.contains(OTHER_COUNTY)),
                    "another county's changes are not this stream's: " + received);
        }
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/reports/stream?year=2025&region=730999000000")
                .then()
                .statusCode(404);
    }

    private static String task(String status, long version) {
        return """
                {"code":"STREAM-T","title":"流县任务","campaign":"RURAL","region":"%s","leadDepartment":"LX-D",
                 "cooperating":[],"startDate":"2025-01-01","dueDate":"2025-12-31","measure":"PERCENT","indicator":null,
                 "planned":100,"unit":"%%","parent":null,"milestones":[],"reached":10,"status":"%s","light":"GREEN",
                 "working":"…","statusOn":"2025-06-30","version":%d}"""
                .formatted(TOWNSHIP, status, version);
    }

    private static String status(String township) {
        return given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2025)
                .get("/api/v1/reports/regions/" + township)
                .then()
                .statusCode(200)
                .extract()
                .path("campaigns.indicators.flatten().find { it.code == 'STREAM_COUNT' }.assessment.status");
    }
}
