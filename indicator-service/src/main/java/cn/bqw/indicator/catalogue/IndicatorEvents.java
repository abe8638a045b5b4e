package cn.bqw.indicator.catalogue;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topic;
import cn.bqw.platform.events.Topics;

/** What indicator-service tells the platform about its catalogue, on {@code bqw.indicators.v1}, keyed by code. */
public enum IndicatorEvents implements EventType {
    DEFINED(EventNames.INDICATOR_DEFINED),
    UPDATED(EventNames.INDICATOR_UPDATED);

    private final String type;

    IndicatorEvents(String type) {
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
        return IndicatorView.class;
    }
}
