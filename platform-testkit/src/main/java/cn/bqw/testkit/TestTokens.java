package cn.bqw.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Mints RS256 tokens for tests with a key pair made once per test JVM; the services under test are
 * told its public key by {@link PlatformTestResource}.
 */
public final class TestTokens {

    public static final String ISSUER = "bqw";

    private static final String PUBLIC_KEY_FILE = "bqw.test.jwt-public-key";
    private static KeyPair keys;

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

    public static String token(Set<String> roles, List<String> regions) {
        return claims("tester", roles, regions).sign(keys().getPrivate());
    }

    /** A token whose validity ended an hour ago. */
    public static String expired(Set<String> roles) {
        Instant past = Instant.now().minusSeconds(7200);
        return claims("tester", roles, List.of())
                .issuedAt(past)
                .expiresAt(past.plusSeconds(3600))
                .sign(keys().getPrivate());
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String signedByStranger(Set<String> roles) {
        return claims("stranger", roles, List.of()).sign(newKeyPair().getPrivate());
    }

    public static JwtClaimsBuilder claims(String subject, Set<String> roles, List<String> regions) {
        JwtClaimsBuilder builder =
                Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(roles).expiresIn(3600);
        if (!regions.isEmpty()) {
            builder.claim("regions", regions);
        }
        return builder;
    }

    /**
     * The PEM file with the public key. The path lives in a system property because Quarkus loads
     * this class more than once per JVM, and every copy must sign with the key the services trust.
     */
    public static synchronized Path publicKeyPem() {
        keys();
        return Path.of(System.getProperty(PUBLIC_KEY_FILE));
    }

    private static synchronized KeyPair keys() {
        if (keys != null) {
            return keys;
        }
        String existing = System.getProperty(PUBLIC_KEY_FILE);
        if (existing != null) {
            keys = readKeyPair(Path.of(existing));
            return keys;
        }
        keys = newKeyPair();
        try {
            Path dir = Files.createTempDirectory("bqw-jwt");
            Path publicPem = dir.resolve("public.pem");
            Files.writeString(publicPem, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
            Files.writeString(
                    dir.resolve("private.pem"),
                    pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            System.setProperty(PUBLIC_KEY_FILE, publicPem.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static KeyPair readKeyPair(Path publicPem) {
        try {
            var factory = java.security.KeyFactory.getInstance("RSA");
            var publicKey =
                    factory.generatePublic(new java.security.spec.X509EncodedKeySpec(der(Files.readString(publicPem))));
            PrivateKey privateKey = factory.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(
                    der(Files.readString(publicPem.resolveSibling("private.pem")))));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test key pair", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
