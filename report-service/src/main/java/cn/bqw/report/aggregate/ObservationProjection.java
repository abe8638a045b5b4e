package cn.bqw.report.aggregate;

import cn.bqw.platform.events.EventConsumer;
import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.IncomingEvent;
import cn.bqw.platform.events.PoisonEventException;
import cn.bqw.platform.events.Topics;
import cn.bqw.platform.period.Period;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps facts and aggregates from {@code bqw.observations.v1}, effectively once per event. */
@ApplicationScoped
public class ObservationProjection {

    public static final String CONSUMER = "report-observations";
    static final String DEAD_LETTERS = Topics.OBSERVATIONS.deadLetterName();

    @Inject
    EventConsumer events;

    @Inject
    AggregateStore aggregates;

    @Inject
    Recomputation recomputation;

    @Inject
    ClosedYears closedYears;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** A poll at a time: one transaction, each aggregate row written once (the city's row is hot). */
    @Incoming("observations")
    @Blocking
    public CompletionStage<Void> onObservations(Message<List<String>> batch) {
        return events.consumeBatch(batch, CONSUMER, DEAD_LETTERS, this::apply);
    }

    public void apply(List<IncomingEvent> batch) {
        List<ObservationState> states = apply(batch, aggregates::recordAll);
        closedYears.changed(states.stream()
                .map(state -> Period.parse(state.period()).orElseThrow().year())
                .toList());
    }

    /** A rebuild's first pass: the values' facts only, staged ({@link Recomputation#stageFacts}). */
    public void stageFacts(List<IncomingEvent> batch) {
        apply(batch, recomputation::stageFacts);
    }

    /** The batch's values, recorded. */
    private List<ObservationState> apply(List<IncomingEvent> batch, Consumer<List<ObservationState>> record) {
        List<ObservationState> states = new ArrayList<>(batch.size());
        OffsetDateTime last = null;
        for (IncomingEvent event : batch) {
            if (!event.type().equals(EventNames.OBSERVATION_RECORDED)) {
                continue;
            }
            ObservationState state = event.dataAs(ObservationState.class, json);
            if (state.indicator() == null
                    || state.region() == null
                    || state.area() == null
                    || state.value() == null
                    || Period.parse(state.period()).isEmpty()) {
                throw new PoisonEventException(
                        "observation event " + event.id() + " without indicator, region, area, value or a period");
            }
            states.add(state);
            if (event.time() != null && (last == null || event.time().isAfter(last))) {
                last = event.time();
            }
        }
        if (states.isEmpty()) {
            return states;
        }
        record.accept(states);
        entityManager
                .createNativeQuery(
                        """
                        UPDATE projection_state SET last_event_at = GREATEST(last_event_at, ?1), applied_at = ?2
                        WHERE id = 1""")
                .setParameter(1, last)
                .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        return states;
    }
}
