package cn.bqw.indicator.observation;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topics;

/** Observations on {@code bqw.observations.v1}, keyed by {@code indicator|region|area}. */
public enum ObservationEvents implements EventType {
    RECORDED(EventNames.OBSERVATION_RECORDED);

    private final Definition definition;

    ObservationEvents(String type) {
        this.definition = new Definition(type, Topics.OBSERVATIONS, ObservationRecorded.class);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
