package cn.bqw.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The hostile-input suite: a file of cases per service, each a request (method, path, token,
 * headers, body) and what it must get (status, problem type, whether it may store anything). Every
 * case is sent to the running service; for every case that must store nothing, the service's
 * tables are read before and after and must not have changed. One line sums it up; any 5xx,
 * non-problem error body, refused-but-stored or accepted-but-should-refuse case fails the test, as
 * does any other difference from the file.
 *
 * <p>The file holds one JSON object a line ({@code #} starts a comment):
 *
 * <pre>
 * {"name":"…","method":"POST","path":"/api/v1/…","token":"editor:970101000000",
 *  "contentType":"application/json","body":"…","each":["1e400","-1e400"],"status":400,"type":"validation"}
 * </pre>
 *
 * {@code token} is {@code none}, {@code admin}, {@code viewer}, {@code editor:CODE[,CODE]} or
 * {@code service:CODE}; {@code bodyHex} sends raw bytes; {@code headers} adds headers; {@code each}
 * makes one case per value, put in place of {@code $v} in the path, the body, the token and the headers;
 * {@code stores} (default: status below 300) says whether the case may change what is stored.
 */
public final class HostileInput {

    /** What a run found, counted as the summary line prints it. */
    public record Summary(
            int cases,
            int serverErrors,
            int nonProblem,
            int refusedButStored,
            int acceptedButShouldRefuse,
            List<String> failures) {

        public String line() {
            return "hostile input: %d cases, %d 5xx, %d non-problem bodies, %d refused-but-stored, %d accepted-but-should-refuse, %d other differences"
                    .formatted(
                            cases,
                            serverErrors,
                            nonProblem,
                            refusedButStored,
                            acceptedButShouldRefuse,
                            failures.size() - serverErrors - nonProblem - refusedButStored - acceptedButShouldRefuse);
        }
    }

    /**
     * A table whose content a refused request must leave as it was. {@code countOnly}: only its row
     * count is compared (a table background work updates, such as the outbox the relay marks sent).
     */
    public record Table(String name, boolean countOnly) {

        public static Table rows(String name) {
            return new Table(name, false);
        }

        public static Table count(String name) {
            return new Table(name, true);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** HTTP/1.1, as most data-entry apps and government systems speak it. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final DataSource database;
    private final List<Table> tables;

    public HostileInput(String baseUrl, DataSource database, List<Table> tables) {
        this.baseUrl = baseUrl;
        this.database = database;
        this.tables = List.copyOf(tables);
    }

    /** Runs every case of the resource file {@code casesResource}, prints the summary and asserts it is clean. */
    public Summary runAndAssert(String casesResource) throws Exception {
        Summary summary = run(casesResource);
        System.out.println(summary.line());
        summary.failures().forEach(failure -> System.out.println("  " + failure));
        assertEquals(List.of(), summary.failures(), summary.line());
        return summary;
    }

    public Summary run(String casesResource) throws Exception {
        int cases = 0;
        int serverErrors = 0;
        int nonProblem = 0;
        int refusedButStored = 0;
        int acceptedButShouldRefuse = 0;
        List<String> failures = new ArrayList<>();
        for (JsonNode template : read(casesResource)) {
            for (JsonNode spec : expand(template)) {
                cases++;
                String name = spec.path("name").asText() + describeValue(spec);
                int expected = spec.path("status").asInt();
                boolean mayStore = spec.has("stores") ? spec.get("stores").asBoolean() : expected < 300;
                String before = mayStore ? null : digest();
                HttpResponse<String> answer;
                try {
                    answer = http.send(request(spec), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    failures.add(name + ": no answer (" + e + ")");
                    continue;
                }
                int status = answer.statusCode();
                String body = answer.body();
                if (status >= 500) {
                    serverErrors++;
                    failures.add(name + ": 5xx " + status + " " + shortened(body));
                    continue;
                }
                if (status >= 400 && !isProblem(answer)) {
                    nonProblem++;
                    failures.add(name + ": " + status + " without a problem body: " + shortened(body));
                    continue;
                }
                if (expected >= 400 && status < 400) {
                    acceptedButShouldRefuse++;
                    failures.add(name + ": accepted with " + status + ", expected " + expected);
                    continue;
                }
                if (!mayStore && !before.equals(digest())) {
                    refusedButStored++;
                    failures.add(name + ": answered " + status + " but changed what is stored");
                    continue;
                }
                if (status != expected) {
                    failures.add(name + ": expected " + expected + ", got " + status + " " + shortened(body));
                    continue;
                }
                if (spec.has("type")
                        && !body.contains(
                                "\"urn:bqw:problem:" + spec.get("type").asText() + "\"")) {
                    failures.add(
                            name + ": expected problem type " + spec.get("type").asText() + ", got " + shortened(body));
                }
            }
        }
        return new Summary(cases, serverErrors, nonProblem, refusedButStored, acceptedButShouldRefuse, failures);
    }

    private HttpRequest request(JsonNode spec) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(baseUrl + spec.path("path").asText()))
                .timeout(Duration.ofSeconds(30));
        String token = token(spec.path("token").asText("none"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (spec.has("contentType")) {
            request.header("Content-Type", spec.get("contentType").asText());
        }
        spec.path("headers")
                .fields()
                .forEachRemaining(header ->
                        request.header(header.getKey(), header.getValue().asText()));
        HttpRequest.BodyPublisher body;
        if (spec.has("bodyHex")) {
            body = HttpRequest.BodyPublishers.ofByteArray(
                    HexFormat.of().parseHex(spec.get("bodyHex").asText()));
        } else if (spec.has("body")) {
            body = HttpRequest.BodyPublishers.ofString(spec.get("body").asText(), StandardCharsets.UTF_8);
        } else {
            body = HttpRequest.BodyPublishers.noBody();
        }
        return request.method(spec.path("method").asText("GET"), body).build();
    }

    private static String token(String kind) {
        if (kind.equals("none")) {
            return null;
        }
        String[] parts = kind.split(":", 2);
        List<String> regions = parts.length == 2 ? List.of(parts[1].split(",")) : List.of();
        return TestTokens.token(Set.of(parts[0]), regions);
    }

    private static boolean isProblem(HttpResponse<String> answer) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            return problem.path("type").asText().startsWith("urn:bqw:problem:")
                    && problem.path("status").asInt() == answer.statusCode();
        } catch (IOException e) {
            return false;
        }
    }

    /** The stored state a refused request must not change: rows (or only their count) of each table. */
    private String digest() throws SQLException {
        StringBuilder digest = new StringBuilder();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            for (Table table : tables) {
                String sql = table.countOnly()
                        ? "SELECT count(*)::text FROM " + table.name()
                        : "SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), ',' ORDER BY md5(t::text))), '')"
                                + " FROM " + table.name() + " t";
                try (ResultSet rows = statement.executeQuery(sql)) {
                    rows.next();
                    digest.append(table.name())
                            .append('=')
                            .append(rows.getString(1))
                            .append(';');
                }
            }
        }
        return digest.toString();
    }

    private static List<JsonNode> read(String resource) throws IOException {
        List<JsonNode> specs = new ArrayList<>();
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no test resource " + resource);
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                try {
                    specs.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(resource + " line " + number + " is not JSON", e);
                }
            }
        }
        return specs;
    }

    /** One case per value of {@code each}, with {@code $v} replaced in the path, body and headers. */
    private static List<JsonNode> expand(JsonNode template) {
        if (!template.has("each")) {
            return List.of(template);
        }
        List<JsonNode> cases = new ArrayList<>();
        for (Iterator<JsonNode> values = template.get("each").elements(); values.hasNext(); ) {
            String value = values.next().asText();
            com.fasterxml.jackson.databind.node.ObjectNode one = template.deepCopy();
            one.remove("each");
            one.put("value", value);
            for (String field : List.of("path", "body", "token")) {
                if (one.has(field)) {
                    one.put(field, one.get(field).asText().replace("$v", value));
                }
            }
            if (one.has("headers")) {
                com.fasterxml.jackson.databind.node.ObjectNode headers = one.putObject("headers");
                for (Map.Entry<String, JsonNode> header :
                        iterable(template.get("headers").fields())) {
                    headers.put(header.getKey(), header.getValue().asText().replace("$v", value));
                }
            }
            cases.add(one);
        }
        return cases;
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }

    private static String describeValue(JsonNode spec) {
        return spec.has("value") ? " [" + shortened(spec.get("value").asText()) + "]" : "";
    }

    private static String shortened(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
