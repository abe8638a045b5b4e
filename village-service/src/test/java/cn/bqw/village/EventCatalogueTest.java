package cn.bqw.village;

import cn.bqw.platform.events.EventCatalogue;
import cn.bqw.testkit.EventCatalogueContract;
import cn.bqw.village.division.DivisionEvents;
import cn.bqw.village.registry.VillageEvents;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document and the code name the same events, topics, fields and topic settings. */
class EventCatalogueTest {

    @Test
    void theAsyncApiDocumentMatchesTheCode() {
        EventCatalogueContract.check(
                Path.of("src/main/asyncapi/asyncapi.yaml"),
                EventCatalogue.topicByType(DivisionEvents.values(), VillageEvents.values()),
                EventCatalogue.fieldsByType(DivisionEvents.values(), VillageEvents.values()),
                EventCatalogue.topicSettings());
    }
}
