package cn.bqw.platform.events;

import java.time.Duration;
import java.util.List;

/**
 * Every topic of the platform, in one place: the services provision them from here at start-up
 * (where allowed), the tests use them, and deploy/ is checked against them.
 */
public final class Topics {

    /** Division state by division code; compacted, so a new consumer can read the whole tree. */
    public static final Topic DIVISIONS = new Topic("bqw.divisions.v1", 6, true, null);

    /** Indicator definitions and targets by indicator code; compacted. */
    public static final Topic INDICATORS = new Topic("bqw.indicators.v1", 3, true, null);

    /**
     * Observations by {@code indicator|region|area}; every revision is kept (no compaction, no
     * expiry) because report-service rebuilds its aggregates by replaying them.
     */
    public static final Topic OBSERVATIONS = new Topic("bqw.observations.v1", 12, false, null);

    /**
     * The approval state of each (region, period, campaign), keyed by {@code region|period|campaign};
     * compacted: the latest state per unit is what counts.
     */
    public static final Topic APPROVALS = new Topic("bqw.approvals.v1", 3, true, null);

    /**
     * task-service's tasks (by task code: their state, progress, status changes and overdue notices)
     * and departments (by department code); every event is kept, the ledger's history.
     */
    public static final Topic TASKS = new Topic("bqw.tasks.v1", 3, false, null);

    /** How long dead letters are kept for someone to look at them. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    public static final List<Topic> ALL = List.of(DIVISIONS, INDICATORS, OBSERVATIONS, APPROVALS, TASKS);

    private Topics() {}

    /** The dead-letter topic of {@code topic}: few partitions, kept a month. */
    public static Topic deadLetterOf(Topic topic) {
        return new Topic(topic.deadLetterName(), 1, false, DEAD_LETTER_RETENTION);
    }
}
