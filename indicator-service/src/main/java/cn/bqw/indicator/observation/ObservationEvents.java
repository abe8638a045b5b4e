package cn.bqw.indicator.observation;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topic;
import cn.bqw.platform.events.Topics;

/** Observations on {@code bqw.observations.v1}, keyed by {@code indicator|region|area}. */
public enum ObservationEvents implements EventType {
    RECORDED(EventNames.OBSERVATION_RECORDED);

    private final String type;

    ObservationEvents(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Topic topic() {
        return Topics.OBSERVATIONS;
    }

    @Override
    public Class<? extends Record> dataType() {
        return ObservationRecorded.class;
    }
}
