package cn.bqw.task;

import cn.bqw.platform.events.EventCatalogue;
import cn.bqw.task.department.DepartmentEvents;
import cn.bqw.task.progress.ProgressEvents;
import cn.bqw.task.task.TaskEvents;
import cn.bqw.testkit.EventCatalogueContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document and the code name the same events, topics, fields and topic settings. */
class EventCatalogueTest {

    @Test
    void theAsyncApiDocumentMatchesTheCode() {
        EventCatalogueContract.check(
                Path.of("src/main/asyncapi/asyncapi.yaml"),
                EventCatalogue.topicByType(TaskEvents.values(), ProgressEvents.values(), DepartmentEvents.values()),
                EventCatalogue.fieldsByType(TaskEvents.values(), ProgressEvents.values(), DepartmentEvents.values()),
                EventCatalogue.topicSettings());
    }
}
