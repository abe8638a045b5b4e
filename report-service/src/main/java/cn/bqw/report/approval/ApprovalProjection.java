package cn.bqw.report.approval;

import cn.bqw.platform.events.EventConsumer;
import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.IncomingEvent;
import cn.bqw.platform.events.PoisonEventException;
import cn.bqw.platform.events.Topics;
import cn.bqw.platform.period.Period;
import cn.bqw.report.aggregate.AggregateStore;
import cn.bqw.report.aggregate.ApprovedUnits;
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
        Deltas deltas = new Deltas();
        batch.forEach(event -> apply(event, deltas));
        aggregates.add(deltas);
    }

    private void apply(IncomingEvent event, Deltas deltas) {
        if (!EventNames.APPROVAL.contains(event.type())) {
            return;
        }
        JsonNode data = event.data();
        String region = required(data, "region");
        String period = required(data, "period");
        String campaign = required(data, "campaign");
        String state = required(data, "state");
        if (Period.parse(period).isEmpty()) {
            throw new PoisonEventException("approval event with period " + period);
        }
        List<?> stored = entityManager
                .createNativeQuery(
                        "SELECT state FROM approval_unit WHERE region_code = ?1 AND period = ?2 AND campaign = ?3"
                                + " FOR UPDATE")
                .setParameter(1, region)
                .setParameter(2, period)
                .setParameter(3, campaign)
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
                .setParameter(1, region)
                .setParameter(2, period)
                .setParameter(3, campaign)
                .setParameter(4, state)
                .setParameter(5, data.path("reason").asText(null))
                .setParameter(6, data.path("changedBy").asText(null))
                .setParameter(
                        7,
                        data.path("changedAt").isTextual()
                                ? OffsetDateTime.parse(data.get("changedAt").asText())
                                : null)
                .setParameter(8, data.path("version").asLong())
                .executeUpdate();
        if (changed == 1 && ApprovedUnits.counts(region, before) != ApprovedUnits.counts(region, state)) {
            aggregates.approvalChanged(region, period, campaign, before, deltas);
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
