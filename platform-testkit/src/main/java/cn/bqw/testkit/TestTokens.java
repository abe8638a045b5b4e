package cn.bqw.testkit;

import cn.bqw.local.DevKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Mints RS256 tokens for tests with a key pair made once per test JVM; the services under test are
 * told its public key by {@link PlatformTestResource}.
 */
public final class TestTokens {

    public static final String ISSUER = DevKeys.ISSUER;

    /* The key directory lives in a system property because Quarkus loads this class more than once
     * per JVM, and every copy must sign with the key the services trust. */
    private static final String KEY_DIR = "bqw.test.jwt-key-dir";
    private static final Duration VALIDITY = Duration.ofHours(1);

    private TestTokens() {}

    public static String admin() {
        return token(Set.of("admin"), List.of());
    }

    public static String viewer() {
        return token(Set.of("viewer"), List.of());
    }

    public static String editor(String... regions) {
        return token(Set.of("editor"), List.of(regions));
    }

    /** An approver of {@code regions}: it acts on the divisions directly below them. */
    public static String approver(String... regions) {
        return token(Set.of("approver"), List.of(regions));
    }

    public static String token(Set<String> roles, List<String> regions) {
        return token("tester", roles, regions);
    }

    public static String token(String subject, Set<String> roles, List<String> regions) {
        return keys().sign(DevKeys.claims(subject, roles, regions, VALIDITY));
    }

    /** A token whose {@code departments} claim (task-service) names {@code departments}. */
    public static String token(String subject, Set<String> roles, List<String> regions, List<String> departments) {
        return keys().sign(DevKeys.claims(subject, roles, regions, VALIDITY).claim("departments", departments));
    }

    /** A token of a department's staff (task-service): its {@code departments} claim names them. */
    public static String ofDepartments(String subject, Set<String> roles, List<String> departments) {
        return token(subject, roles, List.of(), departments);
    }

    /** A token of {@code subject} valid for {@code validity} from now. */
    public static String lasting(String subject, Set<String> roles, Duration validity) {
        return keys().sign(DevKeys.claims(subject, roles, List.of(), validity));
    }

    /** An admin token for {@code audience} instead of the platform's; null: for no audience at all. */
    public static String forAudience(String audience) {
        var claims = DevKeys.claims("tester", Set.of("admin"), List.of(), VALIDITY);
        return keys().sign(audience == null ? claims.remove("aud") : claims.audience(audience));
    }

    /** A token whose validity ended an hour ago. */
    public static String expired(Set<String> roles) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return keys().sign(DevKeys.claims("tester", roles, List.of(), VALIDITY)
                .issuedAt(past)
                .expiresAt(past.plus(VALIDITY)));
    }

    /** A token still within its validity, but issued {@code age} ago. */
    public static String issuedAgo(Duration age, Set<String> roles) {
        Instant issued = Instant.now().minus(age);
        return keys().sign(DevKeys.claims("tester", roles, List.of(), VALIDITY)
                .issuedAt(issued)
                .expiresAt(Instant.now().plus(VALIDITY)));
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String signedByStranger(Set<String> roles) {
        return DevKeys.stranger().sign(DevKeys.claims("stranger", roles, List.of(), VALIDITY));
    }

    public static Path publicKeyPem() {
        return keys().publicKeyPem();
    }

    private static DevKeys keys;

    /** Read once per class loader: every token of a run is signed with the same pair. */
    private static synchronized DevKeys keys() {
        if (keys != null) {
            return keys;
        }
        String dir = System.getProperty(KEY_DIR);
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("bqw-jwt").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(KEY_DIR, dir);
        }
        keys = DevKeys.in(Path.of(dir));
        return keys;
    }
}
