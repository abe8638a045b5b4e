package cn.bqw.platform.importing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The bounds of a bulk import. */
@ConfigMapping(prefix = "bqw.import")
public interface ImportConfig {

    /** Rows a request may carry. */
    @WithDefault("100000")
    long maxRows();

    /** Imports at once in this instance: each holds a database connection for its whole run. */
    @WithDefault("4")
    int maxConcurrent();

    /** The longest a body may take to arrive whole. */
    @WithDefault("PT10M")
    Duration bodyDeadline();
}
