package cn.bqw.report.catalogue;

import cn.bqw.platform.events.EventConsumer;
import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.IncomingEvent;
import cn.bqw.platform.events.PoisonEventException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps the catalogue and the targets from {@code bqw.indicators.v1}; newest version wins. */
@ApplicationScoped
public class CatalogueProjection {

    public static final String CONSUMER = "report-catalogue";

    @Inject
    EventConsumer events;

    @Inject
    Event<IndicatorArrived> arrivals;

    @Incoming("indicators")
    @Blocking
    public CompletionStage<Void> onCatalogue(Message<String> message) {
        return events.consume(message, CONSUMER, this::apply);
    }

    public void apply(IncomingEvent event) {
        if (EventNames.INDICATOR.contains(event.type())) {
            indicator(event.data());
        } else if (event.type().equals(EventNames.TARGET_SET)) {
            target(event.data());
        }
    }

    private void indicator(JsonNode data) {
        String code = required(data, "code");
        IndicatorDef indicator = IndicatorDef.findById(code);
        boolean known = indicator != null;
        if (known && indicator.version >= data.path("version").asLong()) {
            return;
        }
        if (!known) {
            indicator = new IndicatorDef();
            indicator.code = code;
        }
        indicator.nameZh = required(data, "nameZh");
        indicator.nameEn = data.path("nameEn").asText(null);
        indicator.campaign = required(data, "campaign");
        indicator.unit = required(data, "unit");
        indicator.aggregation = required(data, "aggregation");
        indicator.overTime = required(data, "overTime");
        indicator.direction = required(data, "direction");
        indicator.reportedAt = required(data, "reportedAt");
        indicator.frequency = required(data, "frequency");
        indicator.version = data.path("version").asLong();
        indicator.persist();
        if (!known) {
            indicator.flush();
            arrivals.fire(new IndicatorArrived(indicator));
        }
    }

    private void target(JsonNode data) {
        String indicator = required(data, "indicator");
        String region = required(data, "region");
        int year = data.path("year").asInt();
        Target target = Target.find(indicator, year, region);
        if (target != null && target.version >= data.path("version").asLong()) {
            return;
        }
        if (target == null) {
            target = new Target();
            target.indicatorCode = indicator;
            target.regionCode = region;
            target.year = year;
        }
        target.value = data.path("value").decimalValue();
        target.kind = required(data, "kind");
        target.baseline = data.hasNonNull("baseline") ? data.get("baseline").decimalValue() : null;
        target.version = data.path("version").asLong();
        target.persist();
    }

    private static String required(JsonNode data, String field) {
        if (!data.hasNonNull(field)) {
            throw new PoisonEventException("catalogue event without " + field);
        }
        return data.get(field).asText();
    }
}
