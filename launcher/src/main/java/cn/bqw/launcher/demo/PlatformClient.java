package cn.bqw.launcher.demo;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** The platform's REST APIs as the demo loader and check call them: with a bearer token, JSON back. */
final class PlatformClient {

    static final String VILLAGE = "http://localhost:8081";
    static final String INDICATOR = "http://localhost:8082";
    static final String REPORT = "http://localhost:8080";
    static final String TASK = "http://localhost:8083";

    /**
     * HTTP/1.1: over plain HTTP the JDK client otherwise upgrades to HTTP/2, and a GOAWAY from the
     * server (seen once in CI on a busy machine, in the middle of the demo's approval steps) fails
     * the request instead of sending it again on a new connection.
     */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String token;

    PlatformClient(String token) {
        this.token = token;
    }

    /**
     * Posts a CSV body and answers the JSON summary, failing on anything but 2xx. The idempotency
     * key, the body's own digest, makes a retry after a lost answer harmless.
     */
    JsonObject postCsv(String url, String csv) {
        return json(
                send(csvRequest(url, csv)
                        .header(
                                "Idempotency-Key",
                                UUID.nameUUIDFromBytes(csv.getBytes(StandardCharsets.UTF_8))
                                        .toString())
                        .build()),
                url);
    }

    /** Posts a CSV dry run, asked again and again for a fresh answer: no idempotency key. */
    JsonObject dryRun(String url, String csv) {
        return json(send(csvRequest(url, csv).build()), url);
    }

    private HttpRequest.Builder csvRequest(String url, String csv) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv));
    }

    /** Posts a JSON body and answers the JSON object, failing on anything but 2xx. */
    JsonObject postJson(String url, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                // A batch of approval steps can take a while at province scale.
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return json(send(request), url);
    }

    /** Posts a JSON body to create something; a 409 (it is there already: loaded again) is fine too. */
    void postJsonOrConflict(String url, String body) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (answer.statusCode() != 409) {
            body(answer, url);
        }
    }

    /** A GET whose answer is a JSON array. */
    JsonArray getArray(String url) {
        try (JsonReader reader = Json.createReader(new StringReader(getText(url)))) {
            return reader.readArray();
        }
    }

    /** A GET's body as text, exactly as sent, failing on anything but 2xx. */
    String getText(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return body(send(request), url);
    }

    /** A GET whose answer is a JSON object, failing on anything but 2xx. */
    JsonObject get(String url) {
        try (JsonReader reader = Json.createReader(new StringReader(getText(url)))) {
            return reader.readObject();
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonObject json(HttpResponse<String> answer, String url) {
        try (JsonReader reader = Json.createReader(new StringReader(body(answer, url)))) {
            return reader.readObject();
        }
    }

    /** The answer's body, failing on anything but 2xx. */
    private static String body(HttpResponse<String> answer, String url) {
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }
}
