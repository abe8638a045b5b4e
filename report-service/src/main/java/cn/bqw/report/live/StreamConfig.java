package cn.bqw.report.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many live streams an instance serves: each holds a connection open. */
@ConfigMapping(prefix = "bqw.stream")
public interface StreamConfig {

    @WithDefault("200")
    int maxTotal();

    /** One leader's dashboard open in a few tabs, not a script opening hundreds. */
    @WithDefault("10")
    int maxPerCaller();
}
