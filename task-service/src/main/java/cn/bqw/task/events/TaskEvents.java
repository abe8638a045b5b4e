package cn.bqw.task.events;

import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topic;
import cn.bqw.platform.events.Topics;
import cn.bqw.task.department.DepartmentView;
import cn.bqw.task.progress.ProgressView;
import cn.bqw.task.status.StatusChange;
import cn.bqw.task.status.TaskOverdue;
import cn.bqw.task.task.TaskView;

/**
 * What task-service tells the platform, on {@code bqw.tasks.v1}: tasks keyed by task code (their
 * whole state, progress reports, status changes, and each task or milestone gone overdue, once),
 * departments keyed by department code.
 */
public enum TaskEvents implements EventType {
    DEPARTMENT_REGISTERED("bqw.department.registered.v1", DepartmentView.class),
    /** A task was registered; data: its whole state. */
    REGISTERED("bqw.task.registered.v1", TaskView.class),
    /** A task changed (a progress report, a milestone done); data: its whole state. */
    UPDATED("bqw.task.updated.v1", TaskView.class),
    /** The lead department reported progress (a revision is a new version of the day's report). */
    PROGRESS_REPORTED("bqw.task.progress-reported.v1", ProgressView.class),
    /** A task's status changed, on a change or at the day's evaluation. */
    STATUS_CHANGED("bqw.task.status-changed.v1", StatusChange.class),
    /** A task's due date or a milestone's passed unfinished: published once per task or milestone. */
    OVERDUE("bqw.task.overdue.v1", TaskOverdue.class);

    private final String type;
    private final Class<? extends Record> dataType;

    TaskEvents(String type, Class<? extends Record> dataType) {
        this.type = type;
        this.dataType = dataType;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Topic topic() {
        return Topics.TASKS;
    }

    @Override
    public Class<? extends Record> dataType() {
        return dataType;
    }
}
