package cn.bqw.village.division;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topics;

/** What village-service tells the platform about divisions, on {@code bqw.divisions.v1}, keyed by code. */
public enum DivisionEvents implements EventType {
    /** A division was registered; data: its whole state and version. */
    REGISTERED(EventNames.DIVISION_REGISTERED),
    /** A division's names, class, urban flag or population changed; data: its whole state and version. */
    UPDATED(EventNames.DIVISION_UPDATED),
    /** A division registered by mistake, with nothing below it, was removed; data: its last state. */
    DELETED(EventNames.DIVISION_DELETED);

    private final Definition definition;

    DivisionEvents(String type) {
        this.definition = new Definition(type, Topics.DIVISIONS, DivisionView.class);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
