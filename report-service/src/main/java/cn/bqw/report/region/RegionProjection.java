package cn.bqw.report.region;

import cn.bqw.platform.division.RegionReplica;
import cn.bqw.platform.events.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps report-service's replica of divisions and villages from {@code bqw.divisions.v1}. */
@ApplicationScoped
public class RegionProjection {

    static final String CONSUMER = "report-regions";

    @Inject
    EventConsumer events;

    @Inject
    RegionReplica replica;

    @Incoming("divisions")
    @Blocking
    public CompletionStage<Void> onDivision(Message<String> message) {
        return events.consume(message, CONSUMER, replica::apply);
    }
}
