package cn.bqw.task.department;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topics;

/** Departments on {@code bqw.tasks.v1} beside the tasks, keyed by department code. */
public enum DepartmentEvents implements EventType {
    /** A department was registered; data: its whole state. */
    REGISTERED(EventNames.DEPARTMENT_REGISTERED, DepartmentView.class);

    private final Definition definition;

    DepartmentEvents(String type, Class<? extends Record> dataType) {
        this.definition = new Definition(type, Topics.TASKS, dataType);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
