package cn.bqw.task.progress;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topic;
import cn.bqw.platform.events.Topics;

/** Progress reports on {@code bqw.tasks.v1}, keyed by the task code they report on. */
public enum ProgressEvents implements EventType {
    /** The lead department reported progress (a revision is a new version of the day's report). */
    REPORTED(EventNames.TASK_PROGRESS_REPORTED, ProgressView.class);

    private final String type;
    private final Class<? extends Record> dataType;

    ProgressEvents(String type, Class<? extends Record> dataType) {
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
