package cn.bqw.village.registry;

import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topic;
import cn.bqw.platform.events.Topics;

/** What village-service tells the platform about villages, on {@code bqw.divisions.v1}, keyed by code. */
public enum VillageEvents implements EventType {
    REGISTERED("bqw.village.registered.v1"),
    UPDATED("bqw.village.updated.v1"),
    RETIRED("bqw.village.retired.v1");

    private final String type;

    VillageEvents(String type) {
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
        return VillageView.class;
    }
}
