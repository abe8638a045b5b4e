package cn.bqw.village.division;

import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topic;
import cn.bqw.platform.events.Topics;

/** What village-service tells the platform about divisions, on {@code bqw.divisions.v1}, keyed by code. */
public enum DivisionEvents implements EventType {
    /** A division was registered; data: its whole state and version. */
    REGISTERED("bqw.division.registered.v1"),
    /** A division's names, class, urban flag or population changed; data: its whole state and version. */
    UPDATED("bqw.division.updated.v1"),
    /** A division registered by mistake, with nothing below it, was removed; data: its last state. */
    DELETED("bqw.division.deleted.v1");

    private final String type;

    DivisionEvents(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Topic topic() {
        return Topics.DIVISIONS;
    }

    @Override
    public Class<? extends Record> dataType() {
        return DivisionView.class;
    }
}
