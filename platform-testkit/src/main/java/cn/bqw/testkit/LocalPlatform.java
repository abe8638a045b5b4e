package cn.bqw.testkit;

import cn.bqw.local.DevKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** For benchmarks against a running {@code ./bqw up}: an admin token from its dev keys, and setup requests. */
public final class LocalPlatform {

    private LocalPlatform() {}

    /** Signed by the key pair in {@code bqw.home} (default {@code .bqw}), valid for an hour. */
    public static String adminToken() {
        Path home = Path.of(System.getProperty("bqw.home", ".bqw"));
        return DevKeys.in(home.resolve("keys"))
                .sign(DevKeys.claims("benchmark", Set.of("admin"), List.of(), Duration.ofHours(1)));
    }

    /**
     * Sends a setup request and fails on an error answer, except 428: a definition a rerun meets
     * again (PUT without If-Match) is kept as it is.
     */
    public static HttpResponse<String> send(
            HttpClient http, String token, String method, String url, String contentType, String body)
            throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", contentType)
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 400 && answer.statusCode() != 428) {
            throw new IllegalStateException(method + " " + url + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer;
    }
}
