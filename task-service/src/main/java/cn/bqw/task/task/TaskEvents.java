package cn.bqw.task.task;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topics;

/**
 * What task-service tells the platform about its tasks, on {@code bqw.tasks.v1}, keyed by task code:
 * their whole state, status changes, and each task or milestone gone overdue, once. Progress
 * reports ({@code ProgressEvents}) and departments ({@code DepartmentEvents}) share the topic.
 */
public enum TaskEvents implements EventType {
    /** A task was registered; data: its whole state. */
    REGISTERED(EventNames.TASK_REGISTERED, TaskView.class),
    /** A task changed (a progress report, a milestone done); data: its whole state. */
    UPDATED(EventNames.TASK_UPDATED, TaskView.class),
    /** A task's status changed, on a change or at the day's evaluation. */
    STATUS_CHANGED(EventNames.TASK_STATUS_CHANGED, StatusChange.class),
    /** A task's due date or a milestone's passed unfinished: published once per task or milestone. */
    OVERDUE(EventNames.TASK_OVERDUE, TaskOverdue.class);

    private final Definition definition;

    TaskEvents(String type, Class<? extends Record> dataType) {
        this.definition = new Definition(type, Topics.TASKS, dataType);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
