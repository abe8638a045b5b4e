package cn.bqw.indicator.region;

import cn.bqw.platform.region.RegionReplica;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps indicator-service's replica of divisions and villages from {@code bqw.divisions.v1}, so
 * that observations and targets are checked against real, active regions without calling
 * village-service.
 */
@ApplicationScoped
public class RegionFeed {

    static final String CONSUMER = "indicator-regions";

    @Inject
    RegionReplica replica;

    /** A poll at a time, in one transaction: a city's thousands of villages are known in a second or two. */
    @Incoming("divisions")
    @Blocking
    public CompletionStage<Void> onRegions(Message<List<String>> batch) {
        return replica.consume(batch, CONSUMER);
    }
}
