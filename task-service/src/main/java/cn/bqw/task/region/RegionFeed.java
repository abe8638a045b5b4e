package cn.bqw.task.region;

import cn.bqw.platform.region.RegionReplica;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** task-service's replica of the divisions: a task's or department's region must be a real, active one. */
@ApplicationScoped
public class RegionFeed {

    @Inject
    RegionReplica replica;

    /** A poll at a time, in one transaction: a city's thousands of villages are known in a second or two. */
    @Incoming("divisions")
    @Blocking
    public CompletionStage<Void> onRegions(Message<List<String>> batch) {
        return replica.consume(batch, "task-regions");
    }
}
