package cn.bqw.indicator.catalogue;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topics;

/** What indicator-service tells the platform about its catalogue, on {@code bqw.indicators.v1}, keyed by code. */
public enum IndicatorEvents implements EventType {
    DEFINED(EventNames.INDICATOR_DEFINED),
    UPDATED(EventNames.INDICATOR_UPDATED);

    private final Definition definition;

    IndicatorEvents(String type) {
        this.definition = new Definition(type, Topics.INDICATORS, IndicatorView.class);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
