package cn.bqw.task.department;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topic;
import cn.bqw.platform.events.Topics;

/** Departments on {@code bqw.tasks.v1} beside the tasks, keyed by department code. */
public enum DepartmentEvents implements EventType {
    /** A department was registered; data: its whole state. */
    REGISTERED(EventNames.DEPARTMENT_REGISTERED, DepartmentView.class);

    private final String type;
    private final Class<? extends Record> dataType;

    DepartmentEvents(String type, Class<? extends Record> dataType) {
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
