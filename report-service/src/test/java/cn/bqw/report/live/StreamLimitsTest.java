package cn.bqw.report.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The live stream is bounded per caller and ends when the caller's token does. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class StreamLimitsTest {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        String token = TestTokens.lasting("short-lived", Set.of("viewer"), Duration.ofSeconds(3));
        HttpResponse<Stream<String>> answer = http.sendAsync(stream(token), HttpResponse.BodyHandlers.ofLines())
                .get(30, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode());
        // The server completes the stream, so the body ends instead of running for ever.
        CompletableFuture.supplyAsync(() -> answer.body().count()).get(60, TimeUnit.SECONDS);
    }

    @Test
    void aCallerHoldsAtMostTenStreams() throws Exception {
        String token = TestTokens.lasting("many-tabs", Set.of("viewer"), Duration.ofMinutes(5));
        List<InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                HttpResponse<InputStream> answer = http.sendAsync(
                                stream(token), HttpResponse.BodyHandlers.ofInputStream())
                        .get(30, TimeUnit.SECONDS);
                assertEquals(200, answer.statusCode(), "stream " + (i + 1));
                open.add(answer.body());
            }
            HttpResponse<String> refused = http.send(stream(token), HttpResponse.BodyHandlers.ofString());
            assertEquals(429, refused.statusCode());
            assertTrue(refused.body().contains("urn:bqw:problem:too-many-requests"), refused.body());
            String other = TestTokens.lasting("another-reader", Set.of("viewer"), Duration.ofMinutes(5));
            HttpResponse<InputStream> theirs = http.sendAsync(stream(other), HttpResponse.BodyHandlers.ofInputStream())
                    .get(30, TimeUnit.SECONDS);
            assertEquals(200, theirs.statusCode(), "another caller is not held back");
            open.add(theirs.body());
        } finally {
            for (InputStream body : open) {
                body.close();
            }
        }
    }

    private static HttpRequest stream(String token) {
        return HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/api/v1/reports/stream?year=2025"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
    }
}
