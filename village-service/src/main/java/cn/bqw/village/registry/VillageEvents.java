package cn.bqw.village.registry;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topic;
import cn.bqw.platform.events.Topics;

/** What village-service tells the platform about villages, on {@code bqw.divisions.v1}, keyed by code. */
public enum VillageEvents implements EventType {
    REGISTERED(EventNames.VILLAGE_REGISTERED),
    UPDATED(EventNames.VILLAGE_UPDATED),
    RETIRED(EventNames.VILLAGE_RETIRED);

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
