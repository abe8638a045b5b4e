package cn.bqw.report.region;

import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.events.EventConsumer;
import cn.bqw.platform.events.IncomingEvent;
import cn.bqw.platform.events.Topics;
import cn.bqw.platform.region.RegionRecord;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.report.aggregate.ActiveVillages;
import cn.bqw.report.aggregate.AggregateStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    @Inject
    ActiveVillages activeVillages;

    @Inject
    DivisionRoots roots;

    /** A poll at a time, in one transaction: a city's thousands of villages are known in a second or two. */
    @Incoming("divisions")
    @Blocking
    public CompletionStage<Void> onDivisions(Message<List<String>> batch) {
        return events.consumeBatch(batch, CONSUMER, Topics.DIVISIONS.deadLetterName(), this::applyAll);
    }

    /**
     * A poll's regions into the replica; then each village that became active or stopped counts in
     * the divisions above it, and populations that changed re-weigh WEIGHTED_MEAN values.
     */
    public void applyAll(List<IncomingEvent> polled) {
        Map<String, Integer> activated = new LinkedHashMap<>();
        List<String> reweighed = new ArrayList<>();
        boolean divisionsChanged = false;
        for (RegionReplica.Applied applied : replica.applyAll(polled)) {
            RegionRecord before = applied.before();
            RegionRecord after = applied.after();
            String code = after != null ? after.code() : before.code();
            divisionsChanged |= (after != null ? after : before).level() != DivisionLevel.VILLAGE;
            int change = activeVillage(after) - activeVillage(before);
            if (change != 0) {
                activated.put(code, change);
            }
            if (before == null
                    || after == null
                    || !Objects.equals(before.population(), after.population())
                    || before.active() != after.active()) {
                reweighed.add(code);
            }
        }
        activeVillages.change(activated);
        aggregates.reweigh(reweighed);
        if (divisionsChanged) {
            roots.refresh();
        }
    }

    private static int activeVillage(RegionRecord region) {
        return region != null && region.level() == DivisionLevel.VILLAGE && region.active() ? 1 : 0;
    }
}
