package cn.bqw.task;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Optional;

/** task-service's settings: the office's calendar and the figures of indicator-linked tasks. */
@ConfigMapping(prefix = "bqw.tasks")
public interface TasksConfig {

    /** Whose today decides due dates and overdue days. */
    ZoneId zone();

    /** Percentage points behind the expected progress before a task is BEHIND. */
    BigDecimal behindMargin();

    Figures figures();

    /** Where the figures of tasks that follow an indicator come from: report-service's live figures. */
    interface Figures {

        /** report-service's address (the REST client's URL). */
        String url();

        /** A scheduler interval like {@code 5m}, or {@code off}. */
        String every();

        /** A reader's token for report-service; without it such tasks keep the figures they have. */
        Optional<String> token();
    }
}
