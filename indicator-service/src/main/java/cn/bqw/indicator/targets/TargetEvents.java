package cn.bqw.indicator.targets;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topics;

/** Targets on {@code bqw.indicators.v1} beside the catalogue, keyed by {@code indicator|region|year}. */
public enum TargetEvents implements EventType {
    SET(EventNames.TARGET_SET);

    private final Definition definition;

    TargetEvents(String type) {
        this.definition = new Definition(type, Topics.INDICATORS, TargetView.class);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
