package cn.bqw.local;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;

/**
 * The RS256 key pair that signs local tokens: made once in a directory as {@code private.pem} and
 * {@code public.pem}, the latter handed to the services as their trusted key.
 */
public final class DevKeys {

    public static final String ISSUER = "bqw";
    /** The audience every token made here is for; services check it when BQW_JWT_AUDIENCE is set. */
    public static final String AUDIENCE = "bqw";

    private final Path publicPem;
    private final KeyPair keys;

    private DevKeys(Path publicPem, KeyPair keys) {
        this.publicPem = publicPem;
        this.keys = keys;
    }

    /** Reads the key pair in {@code dir}, making it first if there is none. */
    public static DevKeys in(Path dir) {
        Path publicPem = dir.resolve("public.pem");
        Path privatePem = dir.resolve("private.pem");
        try {
            if (!Files.exists(publicPem) || !Files.exists(privatePem)) {
                KeyPair fresh = generate();
                Files.createDirectories(dir);
                // The private key is readable by its owner only (0600), created so: never world-readable.
                Files.createFile(
                        privatePem, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(
                        privatePem, pem("PRIVATE KEY", fresh.getPrivate().getEncoded()));
                Files.writeString(publicPem, pem("PUBLIC KEY", fresh.getPublic().getEncoded()));
                return new DevKeys(publicPem, fresh);
            }
            // Keys made before this rule were world-readable: tighten them on the way.
            Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new DevKeys(
                    publicPem,
                    new KeyPair(
                            rsa.generatePublic(new X509EncodedKeySpec(der(Files.readString(publicPem)))),
                            rsa.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privatePem))))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key pair in " + dir, e);
        }
    }

    /** A key pair nobody trusts, for proving that foreign signatures are refused. */
    public static DevKeys stranger() {
        return new DevKeys(null, generate());
    }

    public Path publicKeyPem() {
        return publicPem;
    }

    /** Claims for {@code subject} with {@code roles} and, when given, the writable {@code regions}. */
    public static JwtClaimsBuilder claims(
            String subject, Set<String> roles, Collection<String> regions, Duration validFor) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .expiresIn(validFor.toSeconds());
        if (!regions.isEmpty()) {
            builder.claim("regions", regions);
        }
        return builder;
    }

    public String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("bqw-dev").sign(keys.getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
