package cn.bqw.village.registry;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topics;

/** What village-service tells the platform about villages, on {@code bqw.divisions.v1}, keyed by code. */
public enum VillageEvents implements EventType {
    REGISTERED(EventNames.VILLAGE_REGISTERED),
    UPDATED(EventNames.VILLAGE_UPDATED),
    RETIRED(EventNames.VILLAGE_RETIRED);

    private final Definition definition;

    VillageEvents(String type) {
        this.definition = new Definition(type, Topics.DIVISIONS, VillageView.class);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
