package cn.bqw.indicator;

import cn.bqw.indicator.approval.ApprovalEvents;
import cn.bqw.indicator.catalogue.IndicatorEvents;
import cn.bqw.indicator.observation.ObservationEvents;
import cn.bqw.indicator.targets.TargetEvents;
import cn.bqw.platform.events.EventCatalogue;
import cn.bqw.testkit.EventCatalogueContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document and the code name the same events, topics, fields and topic settings. */
class EventCatalogueTest {

    @Test
    void theAsyncApiDocumentMatchesTheCode() {
        EventCatalogueContract.check(
                Path.of("src/main/asyncapi/asyncapi.yaml"),
                EventCatalogue.topicByType(
                        IndicatorEvents.values(),
                        TargetEvents.values(),
                        ObservationEvents.values(),
                        ApprovalEvents.values()),
                EventCatalogue.fieldsByType(
                        IndicatorEvents.values(),
                        TargetEvents.values(),
                        ObservationEvents.values(),
                        ApprovalEvents.values()),
                EventCatalogue.topicSettings());
    }
}
