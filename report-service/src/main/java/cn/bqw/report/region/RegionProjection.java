package cn.bqw.report.region;

import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.division.RegionRecord;
import cn.bqw.platform.division.RegionReplica;
import cn.bqw.platform.events.EventConsumer;
import cn.bqw.platform.events.IncomingEvent;
import cn.bqw.report.aggregate.AggregateStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps report-service's replica of divisions and villages from {@code bqw.divisions.v1}, and
 * re-weighs population-weighted values when a population changes.
 */
@ApplicationScoped
public class RegionProjection {

    public static final String CONSUMER = "report-regions";

    @Inject
    EventConsumer events;

    @Inject
    RegionReplica replica;

    @Inject
    AggregateStore aggregates;

    /** Populations weigh WEIGHTED_MEAN values: a change reaches the aggregates. */
    private void reweigh(RegionReplica.Applied applied) {
        RegionRecord before = applied.before();
        RegionRecord after = applied.after();
        String code = after != null ? after.code() : before.code();
        boolean changed = before == null
                || after == null
                || !java.util.Objects.equals(before.population(), after.population())
                || before.active() != after.active();
        if (changed) {
            aggregates.reweigh(code);
        }
    }

    @Incoming("divisions")
    @Blocking
    public CompletionStage<Void> onDivision(Message<String> message) {
        return events.consume(message, CONSUMER, this::apply);
    }

    public void apply(IncomingEvent event) {
        replica.apply(event).ifPresent(applied -> {
            countActiveVillages(applied);
            reweigh(applied);
        });
    }

    /** A village that becomes active counts once in each division above it; one that stops, no longer. */
    private void countActiveVillages(RegionReplica.Applied applied) {
        int change = activeVillage(applied.after()) - activeVillage(applied.before());
        if (change != 0) {
            String village = applied.after() != null
                    ? applied.after().code()
                    : applied.before().code();
            aggregates.countActiveVillages(village, change);
        }
    }

    private static int activeVillage(RegionRecord region) {
        return region != null && region.level() == DivisionLevel.VILLAGE && region.active() ? 1 : 0;
    }
}
