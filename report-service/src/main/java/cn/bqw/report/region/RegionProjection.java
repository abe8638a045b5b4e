package cn.bqw.report.region;

import cn.bqw.platform.events.EventConsumer;
import cn.bqw.platform.events.PoisonEventException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps the region replica from division events: newest version wins, stale ones are ignored. */
@ApplicationScoped
public class RegionProjection {

    static final String CONSUMER = "report-regions";

    @Inject
    EventConsumer events;

    @Inject
    ObjectMapper json;

    /** Division events carry this prefix; the topic also carries village events, kept elsewhere. */
    static final String DIVISION_EVENTS = "bqw.division.";

    static final String DIVISION_DELETED = "bqw.division.deleted.v1";

    @Incoming("divisions")
    @Blocking
    public CompletionStage<Void> onDivision(Message<String> message) {
        return events.consume(message, CONSUMER, event -> {
            if (event.type().equals(DIVISION_DELETED)) {
                remove(event.dataAs(DivisionState.class, json));
            } else if (event.type().startsWith(DIVISION_EVENTS)) {
                apply(event.dataAs(DivisionState.class, json));
            }
        });
    }

    void remove(DivisionState division) {
        Region region = division.code() == null ? null : Region.findById(division.code());
        if (region != null && region.sourceVersion <= division.version()) {
            region.delete();
        }
    }

    void apply(DivisionState division) {
        if (division.code() == null || division.level() == null || division.nameZh() == null) {
            throw new PoisonEventException("division event without code, level or name");
        }
        Region region = Region.findById(division.code());
        if (region == null) {
            region = new Region();
            region.code = division.code();
        } else if (region.sourceVersion >= division.version()) {
            return;
        }
        region.level = division.level();
        region.parentCode = division.parentCode();
        region.nameZh = division.nameZh();
        region.countyClass = division.countyClass();
        region.residentPopulation = division.population() == null ? 0 : division.population();
        region.sourceVersion = division.version();
        region.persist();
    }
}
