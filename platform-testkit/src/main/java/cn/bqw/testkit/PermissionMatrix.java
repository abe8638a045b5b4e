package cn.bqw.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The permission matrix: every operation a service's OpenAPI document lists, called with every kind
 * of token, each answer checked against the operation's row of the permission table as the document
 * states it ({@code x-bqw-permission}, {@code x-bqw-roles}, {@code x-bqw-region},
 * {@code x-bqw-region-from}, written from platform-common's {@code Permission}). What a rule allows is
 * worked out here, on its own, from division codes: the service's checks are not their own oracle.
 * An operation without a row fails the run; so does a leak (a call the table refuses that got
 * through), a wrongful denial (a call the table allows that was refused) and any 5xx.
 *
 * <p>Each operation is called on a region {@code R}: regions in the path are {@code R}, a sample
 * may name another. Tokens "inside" hold {@code R}'s parent, "own root" holds {@code R} itself,
 * "outside" a region elsewhere, "prefix trick" the first two and four digits of {@code R}; an
 * approver "above" holds {@code R}'s parent, one "elsewhere" the region elsewhere. A bulk
 * operation counts as refused when it answers 403, or a summary whose every row is refused for its
 * region.
 */
public final class PermissionMatrix {

    /**
     * The department every token here belongs to (its {@code departments} claim): task-service's
     * samples are tasks it leads, so the matrix checks roles there; the lead-department rule itself
     * has tests of its own.
     */
    public static final String DEPARTMENT = "MATRIX";

    /** Who calls. */
    public enum TokenKind {
        NO_TOKEN,
        BAD_SIGNATURE,
        ALG_NONE,
        HS256_WITH_PUBLIC_KEY,
        EXPIRED,
        NO_KNOWN_GROUP,
        VIEWER,
        SERVICE_INSIDE,
        SERVICE_OUTSIDE,
        EDITOR_INSIDE,
        EDITOR_OUTSIDE,
        EDITOR_PREFIX_TRICK,
        EDITOR_OWN_ROOT,
        APPROVER_ABOVE,
        APPROVER_ELSEWHERE,
        ADMIN;

        boolean unauthenticated() {
            return ordinal() <= EXPIRED.ordinal();
        }

        Set<String> roles() {
            return switch (this) {
                case VIEWER -> Set.of("viewer");
                case SERVICE_INSIDE, SERVICE_OUTSIDE -> Set.of("service");
                case EDITOR_INSIDE, EDITOR_OUTSIDE, EDITOR_PREFIX_TRICK, EDITOR_OWN_ROOT -> Set.of("editor");
                case APPROVER_ABOVE, APPROVER_ELSEWHERE -> Set.of("approver");
                case NO_KNOWN_GROUP -> Set.of("guest");
                default -> Set.of("admin");
            };
        }

        List<String> regions(String region, String outside) {
            return switch (this) {
                case SERVICE_INSIDE, EDITOR_INSIDE, APPROVER_ABOVE -> List.of(parent(region));
                case SERVICE_OUTSIDE, EDITOR_OUTSIDE, APPROVER_ELSEWHERE -> List.of(outside);
                case EDITOR_PREFIX_TRICK -> List.of(region.substring(0, 2), region.substring(0, 4));
                case EDITOR_OWN_ROOT -> List.of(region);
                default -> List.of();
            };
        }
    }

    /** One row of the permission table as the OpenAPI document states it. */
    public record Rule(String name, String method, String path, Set<String> roles, String region, boolean bulk) {

        /** Whether a caller with these roles and regions may call the operation on {@code code}. */
        public boolean allows(Set<String> callerRoles, List<String> callerRegions, String code) {
            if (roles.stream().noneMatch(callerRoles::contains)) {
                return false;
            }
            if (callerRoles.contains("admin") || region.equals("NONE")) {
                return true;
            }
            return switch (region) {
                case "WITHIN" -> callerRegions.stream().anyMatch(own -> contains(own, code));
                case "BELOW" -> callerRegions.stream().anyMatch(own -> !own.equals(code) && contains(own, code));
                case "CHILD" -> callerRegions.contains(parent(code))
                        && !parent(code).equals(code);
                default -> throw new IllegalStateException("unknown region rule " + region);
            };
        }
    }

    /**
     * How a bulk row refused for its region reads (RegionAccess.OUTSIDE, DECIDED_ABOVE and
     * NOT_BELOW; a test of platform-common holds them equal).
     */
    public static final List<String> REGION_REFUSALS = List.of(
            "is outside the regions this token may write",
            "itself is decided by an editor of a region above it",
            "are approved by an approver of the division directly above it");

    /**
     * How to call one operation: the path with its values (and query), the region it touches, and a
     * body; {@code region} null means the matrix's own.
     */
    public record Sample(String path, String region, String contentType, String body) {

        public static Sample of(String path) {
            return new Sample(path, null, null, null);
        }

        public static Sample json(String path, String region, String body) {
            return new Sample(path, region, "application/json", body);
        }

        public static Sample csv(String path, String region, String body) {
            return new Sample(path, region, "text/csv", body);
        }
    }

    /** What a run found. */
    public record Summary(
            int operations, int kinds, int leaks, int wrongfulDenials, int serverErrors, List<String> failures) {

        public String line() {
            return "permission matrix: %d operations × %d token kinds = %d calls, %d leaks, %d wrongful denials, %d 5xx, %d other differences"
                    .formatted(
                            operations,
                            kinds,
                            operations * kinds,
                            leaks,
                            wrongfulDenials,
                            serverErrors,
                            failures.size() - leaks - wrongfulDenials - serverErrors);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT = "permission-matrix";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String baseUrl;

    private final String region;
    private final String outside;

    /**
     * {@code region}: the division every operation is called on unless its sample says otherwise;
     * {@code outside}: a region that does not contain it.
     */
    public PermissionMatrix(String baseUrl, String region, String outside) {
        this.baseUrl = baseUrl;
        this.region = region;
        this.outside = outside;
    }

    /** Runs the matrix, prints its summary and every failure, and asserts there is none. */
    public Summary runAndAssert(Map<String, Sample> samples) throws Exception {
        Summary summary = run(samples);
        System.out.println(summary.line());
        summary.failures().forEach(failure -> System.out.println("  " + failure));
        assertEquals(List.of(), summary.failures(), summary.line());
        return summary;
    }

    public Summary run(Map<String, Sample> samples) throws Exception {
        List<String> failures = new ArrayList<>();
        List<Rule> operations = documentedOperations(failures);
        int leaks = 0;
        int denials = 0;
        int serverErrors = 0;
        for (Rule operation : operations) {
            Sample sample = samples.getOrDefault(operation.name(), Sample.of(defaultPath(operation)));
            String touched = sample.region() == null ? region : sample.region();
            for (TokenKind kind : TokenKind.values()) {
                List<String> regions = kind.regions(touched, outside);
                int expected = kind.unauthenticated()
                        ? 401
                        : kind == TokenKind.NO_KNOWN_GROUP || !operation.allows(kind.roles(), regions, touched)
                                ? 403
                                : 200;
                Answer answer = call(operation, sample, token(kind, regions));
                String name = operation.name() + " as " + kind;
                if (answer.status() >= 500) {
                    serverErrors++;
                    failures.add(name + ": " + answer.status() + " " + answer.body());
                } else if (expected == 200 && answer.refused()) {
                    denials++;
                    failures.add(name + ": wrongly refused with " + answer.status() + " " + answer.body());
                } else if (expected != 200 && !answer.refused()) {
                    leaks++;
                    failures.add(name + ": leaked, answered " + answer.status() + " " + answer.body());
                } else if (expected != 200 && answer.status() != expected && answer.status() != 200) {
                    failures.add(name + ": expected " + expected + ", got " + answer.status());
                }
            }
        }
        return new Summary(operations.size(), TokenKind.values().length, leaks, denials, serverErrors, failures);
    }

    /** The operations of the service's OpenAPI document, each with its row of the table. */
    private List<Rule> documentedOperations(List<String> failures) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode paths = JSON.readTree(answer.body()).path("paths");
        List<Rule> documented = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode operation = method.getValue();
                String name = method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                if (!operation.has("x-bqw-permission")
                        || !operation.has("x-bqw-roles")
                        || !operation.has("x-bqw-region")) {
                    failures.add(name + " is not in the permission table");
                    continue;
                }
                Set<String> roles = new java.util.HashSet<>();
                operation.get("x-bqw-roles").forEach(role -> roles.add(role.asText()));
                documented.add(new Rule(
                        operation.get("x-bqw-permission").asText(),
                        method.getKey().toUpperCase(java.util.Locale.ROOT),
                        path.getKey(),
                        roles,
                        operation.get("x-bqw-region").asText(),
                        operation.path("x-bqw-region-from").asText("").startsWith("rows:")));
            }
        }
        return documented;
    }

    private String defaultPath(Rule operation) {
        String path = operation
                .path()
                .replace("{code}", region)
                .replace("{region}", region)
                .replace("{indicator}", "NO_SUCH_INDICATOR")
                .replace("{year}", "2025")
                .replace("{period}", "2025-06")
                .replace("{campaign}", "RURAL")
                .replace("{id}", "999999999");
        return operation.method().equals("GET") ? path + "?year=2025" : path;
    }

    /** An answer: its status, the start of its body, and whether it refused on account of the caller. */
    private record Answer(int status, String body, boolean refused) {}

    private Answer call(Rule operation, Sample sample, String token) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + sample.path())).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (sample.body() != null) {
            request.header("Content-Type", sample.contentType());
            body = HttpRequest.BodyPublishers.ofString(sample.body(), StandardCharsets.UTF_8);
        } else if (!operation.method().equals("GET") && !operation.method().equals("DELETE")) {
            request.header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString("{}");
        }
        HttpResponse<InputStream> answer =
                http.send(request.method(operation.method(), body).build(), HttpResponse.BodyHandlers.ofInputStream());
        String text;
        try (InputStream stream = answer.body()) {
            // A live stream never ends: its status is the answer.
            text = answer.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")
                    ? ""
                    : new String(stream.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
        int status = answer.statusCode();
        boolean refused = status == 401 || status == 403;
        if (!refused && status < 300 && operation.bulk()) {
            refused = everyRowRefusedForItsRegion(text);
        }
        return new Answer(status, text.length() > 300 ? text.substring(0, 300) + "…" : text, refused);
    }

    private static boolean everyRowRefusedForItsRegion(String summary) throws IOException {
        JsonNode tree = JSON.readTree(summary);
        JsonNode conflicts = tree.path("conflicts");
        if (tree.path("imported").asInt() + tree.path("updated").asInt() > 0 || conflicts.isEmpty()) {
            return false;
        }
        for (JsonNode conflict : conflicts) {
            String reason = conflict.path("reason").asText();
            if (REGION_REFUSALS.stream().noneMatch(reason::contains)) {
                return false;
            }
        }
        return true;
    }

    private static String token(TokenKind kind, List<String> regions) throws Exception {
        return switch (kind) {
            case NO_TOKEN -> null;
            case BAD_SIGNATURE -> TestTokens.signedByStranger(Set.of("admin"));
            case ALG_NONE -> unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}") + ".";
            case HS256_WITH_PUBLIC_KEY -> {
                String unsigned = unsigned("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Files.readAllBytes(TestTokens.publicKeyPem()), "HmacSHA256"));
                yield unsigned + "."
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
            }
            case EXPIRED -> TestTokens.expired(Set.of("admin"));
            default -> TestTokens.token(SUBJECT, kind.roles(), regions, List.of(DEPARTMENT));
        };
    }

    /** Header and claims of an admin token, base64url-encoded, for forgeries. */
    private static String unsigned(String header) {
        long now = Instant.now().getEpochSecond();
        String claims =
                "{\"iss\":\"%s\",\"aud\":\"%s\",\"sub\":\"forger\",\"upn\":\"forger\",\"groups\":[\"admin\"],\"iat\":%d,\"exp\":%d}"
                        .formatted(TestTokens.ISSUER, cn.bqw.local.DevKeys.AUDIENCE, now, now + 3600);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether the division {@code own} (a 12-digit code PPCCDDTTTVVV) is {@code code} or above it:
     * {@code code} starts with {@code own}'s digits up to its lowest non-zero level. Anything that
     * is not 12 digits contains nothing.
     */
    static boolean contains(String own, String code) {
        if (own == null || code == null || !own.matches("\\d{12}") || !code.matches("\\d{12}")) {
            return false;
        }
        int significant = 2;
        for (int i = 0; i < LEVEL_ENDS.length; i++) {
            if (!own.substring(LEVEL_STARTS[i], LEVEL_ENDS[i]).chars().allMatch(c -> c == '0')) {
                significant = LEVEL_ENDS[i];
                break;
            }
        }
        return code.startsWith(own.substring(0, significant));
    }

    /** Where the levels of PPCCDDTTTVVV end and start, lowest first: village, township, county, city. */
    private static final int[] LEVEL_ENDS = {12, 9, 6, 4};

    private static final int[] LEVEL_STARTS = {9, 6, 4, 2};

    /** The division a 12-digit code PPCCDDTTTVVV belongs to: its lowest non-zero level set to zeros. */
    static String parent(String code) {
        for (int i = 0; i < LEVEL_ENDS.length; i++) {
            if (!code.substring(LEVEL_STARTS[i], LEVEL_ENDS[i]).chars().allMatch(c -> c == '0')) {
                return code.substring(0, LEVEL_STARTS[i]) + "0".repeat(12 - LEVEL_STARTS[i]);
            }
        }
        return code;
    }
}
