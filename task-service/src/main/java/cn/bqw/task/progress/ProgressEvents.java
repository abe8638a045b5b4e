package cn.bqw.task.progress;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topics;

/** Progress reports on {@code bqw.tasks.v1}, keyed by the task code they report on. */
public enum ProgressEvents implements EventType {
    /** The lead department reported progress (a revision is a new version of the day's report). */
    REPORTED(EventNames.TASK_PROGRESS_REPORTED, ProgressView.class);

    private final Definition definition;

    ProgressEvents(String type, Class<? extends Record> dataType) {
        this.definition = new Definition(type, Topics.TASKS, dataType);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
