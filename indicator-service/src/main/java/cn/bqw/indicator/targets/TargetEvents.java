package cn.bqw.indicator.targets;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topic;
import cn.bqw.platform.events.Topics;

/** Targets on {@code bqw.indicators.v1} beside the catalogue, keyed by {@code indicator|region|year}. */
public enum TargetEvents implements EventType {
    SET(EventNames.TARGET_SET);

    private final String type;

    TargetEvents(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Topic topic() {
        return Topics.INDICATORS;
    }

    @Override
    public Class<? extends Record> dataType() {
        return TargetView.class;
    }
}
