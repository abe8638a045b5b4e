package cn.bqw.platform.events;

import java.util.Set;

/**
 * Every event type of the platform, named once. A producer's {@link EventType} enum takes its names
 * from here and a consumer matches against them, so a renamed or new version of an event is one
 * change that both sides see (constants, so a consumer can {@code switch} on them).
 */
public final class EventNames {

    public static final String DIVISION_REGISTERED = "bqw.division.registered.v1";
    public static final String DIVISION_UPDATED = "bqw.division.updated.v1";
    public static final String DIVISION_DELETED = "bqw.division.deleted.v1";

    public static final String VILLAGE_REGISTERED = "bqw.village.registered.v1";
    public static final String VILLAGE_UPDATED = "bqw.village.updated.v1";
    public static final String VILLAGE_RETIRED = "bqw.village.retired.v1";

    public static final String INDICATOR_DEFINED = "bqw.indicator.defined.v1";
    public static final String INDICATOR_UPDATED = "bqw.indicator.updated.v1";
    public static final String TARGET_SET = "bqw.target.set.v1";

    public static final String OBSERVATION_RECORDED = "bqw.observation.recorded.v1";

    public static final String APPROVAL_SUBMITTED = "bqw.approval.submitted.v1";
    public static final String APPROVAL_APPROVED = "bqw.approval.approved.v1";
    public static final String APPROVAL_ACCEPTED = "bqw.approval.accepted.v1";
    public static final String APPROVAL_RETURNED = "bqw.approval.returned.v1";

    public static final String DEPARTMENT_REGISTERED = "bqw.department.registered.v1";
    public static final String TASK_REGISTERED = "bqw.task.registered.v1";
    public static final String TASK_UPDATED = "bqw.task.updated.v1";
    public static final String TASK_PROGRESS_REPORTED = "bqw.task.progress-reported.v1";
    public static final String TASK_STATUS_CHANGED = "bqw.task.status-changed.v1";
    public static final String TASK_OVERDUE = "bqw.task.overdue.v1";

    /** The events that carry a division's state. */
    public static final Set<String> DIVISION = Set.of(DIVISION_REGISTERED, DIVISION_UPDATED, DIVISION_DELETED);

    /** The events that carry a village's state. */
    public static final Set<String> VILLAGE = Set.of(VILLAGE_REGISTERED, VILLAGE_UPDATED, VILLAGE_RETIRED);

    /** The events that carry an indicator's definition. */
    public static final Set<String> INDICATOR = Set.of(INDICATOR_DEFINED, INDICATOR_UPDATED);

    /** The events that carry an approval unit's new state. */
    public static final Set<String> APPROVAL =
            Set.of(APPROVAL_SUBMITTED, APPROVAL_APPROVED, APPROVAL_ACCEPTED, APPROVAL_RETURNED);

    private EventNames() {}
}
