package cn.bqw.report.aggregate;

import cn.bqw.platform.events.EventConsumer;
import cn.bqw.platform.events.IncomingEvent;
import cn.bqw.platform.events.PoisonEventException;
import cn.bqw.platform.period.Period;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps facts and aggregates from {@code bqw.observations.v1}, effectively once per event. */
@ApplicationScoped
public class ObservationProjection {

    static final String CONSUMER = "report-observations";

    @Inject
    EventConsumer events;

    @Inject
    AggregateStore aggregates;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Incoming("observations")
    @Blocking
    public CompletionStage<Void> onObservation(Message<String> message) {
        return events.consume(message, CONSUMER, this::apply);
    }

    void apply(IncomingEvent event) {
        if (!event.type().equals("bqw.observation.recorded.v1")) {
            return;
        }
        ObservationState state = event.dataAs(ObservationState.class, json);
        if (state.indicator() == null
                || state.region() == null
                || state.area() == null
                || state.value() == null
                || Period.parse(state.period()).isEmpty()) {
            throw new PoisonEventException("observation event without indicator, region, area, value or a period");
        }
        aggregates.record(state);
        entityManager
                .createNativeQuery("UPDATE projection_state SET last_event_at = ?1, applied_at = ?2 WHERE id = 1")
                .setParameter(1, event.time())
                .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
    }
}
