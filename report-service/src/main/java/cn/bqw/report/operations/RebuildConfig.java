package cn.bqw.report.operations;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** How a rebuild reaches the database. */
@ConfigMapping(prefix = "bqw.rebuild")
public interface RebuildConfig {

    /**
     * The database itself, not a transaction-pooling PgBouncer in front of it (deploy/ sends
     * report-service's pool through one): the rebuild's session lock needs a session of its own.
     */
    Optional<String> lockJdbcUrl();
}
