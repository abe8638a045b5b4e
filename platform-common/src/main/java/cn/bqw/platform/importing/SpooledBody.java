package cn.bqw.platform.importing;

import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A bulk body received whole into a temporary file before its import begins, so that a slow or
 * stalled upload holds a worker thread for a while but never a database connection. The receipt has
 * an overall deadline ({@code bqw.import.body-deadline}); each read waits at most {@code
 * quarkus.http.read-timeout}; the size is bounded by {@code bqw.http.max-body-size}. The body's
 * SHA-256 is taken on the way.
 */
final class SpooledBody implements AutoCloseable {

    private final Path file;
    private final byte[] digest;

    private SpooledBody(Path file, byte[] digest) {
        this.file = file;
        this.digest = digest;
    }

    static SpooledBody receive(InputStream sent) {
        Duration deadline = setting("bqw.import.body-deadline", Duration.class, Duration.ofMinutes(10));
        long maxBytes = setting(
                        "bqw.http.max-body-size",
                        MemorySize.class,
                        new MemorySize(java.math.BigInteger.valueOf(64L << 20)))
                .asLongValue();
        long started = System.nanoTime();
        MessageDigest sha = IdempotentRequests.sha256();
        Path file = null;
        try {
            file = Files.createTempFile("bqw-import-", ".body");
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int read;
                while ((read = sent.read(buffer)) >= 0) {
                    total += read;
                    if (total > maxBytes) {
                        throw new ProblemException(
                                ProblemType.PAYLOAD_TOO_LARGE, "the body is over " + maxBytes + " bytes");
                    }
                    if (System.nanoTime() - started > deadline.toNanos()) {
                        throw new ProblemException(
                                ProblemType.REQUEST_TIMEOUT,
                                "the body did not arrive within " + deadline.toSeconds() + " s; send it again");
                    }
                    sha.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            return new SpooledBody(file, sha.digest());
        } catch (IOException e) {
            delete(file);
            throw new ProblemException(
                    ProblemType.MALFORMED_REQUEST, "the body could not be received: " + e.getMessage());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] digest() {
        return digest.clone();
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left behind is the operating system's to clean; the import is done.
        }
    }

    private static <T> T setting(String name, Class<T> type, T fallback) {
        return ConfigProvider.getConfig().getOptionalValue(name, type).orElse(fallback);
    }
}
