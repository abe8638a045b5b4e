package cn.bqw.report.approval;

import cn.bqw.platform.events.EventConsumer;
import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.IncomingEvent;
import cn.bqw.platform.events.PoisonEventException;
import cn.bqw.platform.events.Topics;
import cn.bqw.platform.jdbc.CopyIn;
import cn.bqw.platform.period.Period;
import cn.bqw.report.aggregate.AggregateStore;
import cn.bqw.report.aggregate.ApprovedUnits;
import cn.bqw.report.aggregate.ClosedYears;
import cn.bqw.report.aggregate.Deltas;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.Session;

/**
 * Keeps the approval state of every unit from {@code bqw.approvals.v1} (the newest version wins),
 * and moves the values a unit covers into or out of the official view when its state decides that.
 */
@ApplicationScoped
public class ApprovalProjection {

    public static final String CONSUMER = "report-approvals";
    static final String DEAD_LETTERS = Topics.APPROVALS.deadLetterName();

    @Inject
    EventConsumer events;

    @Inject
    EntityManager entityManager;

    @Inject
    AggregateStore aggregates;

    @Inject
    ClosedYears closedYears;

    @Incoming("approvals")
    @Blocking
    public CompletionStage<Void> onApprovals(Message<List<String>> batch) {
        return events.consumeBatch(batch, CONSUMER, DEAD_LETTERS, this::applyAll);
    }

    /**
     * A poll's steps in their order (one unit's steps share a partition, so they come in order);
     * the values they move between the views are written to the aggregates once, at the end.
     */
    public void applyAll(List<IncomingEvent> batch) {
        closedYears.holdOffClosing();
        Deltas deltas = new Deltas();
        batch.forEach(event -> apply(event, deltas));
        aggregates.add(deltas);
        closedYears.changed(batch.stream()
                .filter(event -> EventNames.APPROVAL.contains(event.type()))
                .flatMap(event -> ClosedYears.yearOf(event).stream())
                .toList());
    }

    /**
     * A rebuild's first pass: the steps copied as they come into {@code staged_approval_unit}, which
     * the rebuild settles into {@code approval_unit} (the newest version of each unit wins); the
     * aggregates count the units when they are made from all the facts ({@code
     * Recomputation#recomputeAll}).
     */
    public void stageAll(List<IncomingEvent> batch) {
        CopyIn units = new CopyIn(
                "staged_approval_unit (region_code, period, campaign, state, reason, changed_by, changed_at, version)");
        for (IncomingEvent event : batch) {
            if (EventNames.APPROVAL.contains(event.type())) {
                Step step = Step.of(event.data());
                units.row(
                        step.key().region(),
                        step.key().period(),
                        step.key().campaign(),
                        step.state(),
                        step.reason(),
                        step.changedBy(),
                        step.changedAt(),
                        step.version());
            }
        }
        entityManager.unwrap(Session.class).doWork(units::copy);
    }

    /** One step's unit: a campaign's figures of a region for a period. */
    private record UnitKey(String region, String period, String campaign) {}

    /** An approval step as its event tells it; an event without the unit or the state is poison. */
    private record Step(
            UnitKey key, String state, String reason, String changedBy, OffsetDateTime changedAt, long version) {

        static Step of(JsonNode data) {
            UnitKey key = new UnitKey(required(data, "region"), required(data, "period"), required(data, "campaign"));
            String state = required(data, "state");
            if (Period.parse(key.period()).isEmpty()) {
                throw new PoisonEventException("approval event with period " + key.period());
            }
            return new Step(
                    key,
                    state,
                    data.path("reason").asText(null),
                    data.path("changedBy").asText(null),
                    data.path("changedAt").isTextual()
                            ? OffsetDateTime.parse(data.get("changedAt").asText())
                            : null,
                    data.path("version").asLong());
        }
    }

    /** One step; the values it moves between the views go into {@code deltas}. */
    private void apply(IncomingEvent event, Deltas deltas) {
        if (!EventNames.APPROVAL.contains(event.type())) {
            return;
        }
        Step step = Step.of(event.data());
        UnitKey unit = step.key();
        List<?> stored = entityManager
                .createNativeQuery(
                        "SELECT state FROM approval_unit WHERE region_code = ?1 AND period = ?2 AND campaign = ?3"
                                + " FOR UPDATE")
                .setParameter(1, unit.region())
                .setParameter(2, unit.period())
                .setParameter(3, unit.campaign())
                .getResultList();
        String before = stored.isEmpty() ? "OPEN" : (String) stored.get(0);
        int changed = entityManager
                .createNativeQuery(
                        """
                        INSERT INTO approval_unit (region_code, period, campaign, state, reason, changed_by, changed_at, version)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        ON CONFLICT (region_code, period, campaign) DO UPDATE SET
                            state = EXCLUDED.state, reason = EXCLUDED.reason, changed_by = EXCLUDED.changed_by,
                            changed_at = EXCLUDED.changed_at, version = EXCLUDED.version
                        WHERE approval_unit.version < EXCLUDED.version""")
                .setParameter(1, unit.region())
                .setParameter(2, unit.period())
                .setParameter(3, unit.campaign())
                .setParameter(4, step.state())
                .setParameter(5, step.reason())
                .setParameter(6, step.changedBy())
                .setParameter(7, step.changedAt())
                .setParameter(8, step.version())
                .executeUpdate();
        if (changed == 1
                && ApprovedUnits.counts(unit.region(), before) != ApprovedUnits.counts(unit.region(), step.state())) {
            aggregates.approvalChanged(unit.region(), unit.period(), unit.campaign(), before, deltas);
        }
    }

    private static String required(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new PoisonEventException("approval event without " + field);
        }
        return value.asText();
    }
}
