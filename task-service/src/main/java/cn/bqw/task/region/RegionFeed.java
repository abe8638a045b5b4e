package cn.bqw.task.region;

import cn.bqw.platform.division.RegionReplica;
import cn.bqw.platform.events.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** task-service's replica of the divisions: a task's or department's region must be a real, active one. */
@ApplicationScoped
public class RegionFeed {

    @Inject
    EventConsumer events;

    @Inject
    RegionReplica replica;

    @Incoming("divisions")
    @Blocking
    public CompletionStage<Void> onRegion(Message<String> message) {
        return events.consume(message, "task-regions", replica::apply);
    }
}
