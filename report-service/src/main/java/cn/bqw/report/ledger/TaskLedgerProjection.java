package cn.bqw.report.ledger;

import cn.bqw.platform.events.EventConsumer;
import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.IncomingEvent;
import cn.bqw.platform.events.PoisonEventException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the task ledger from task-service's {@code bqw.tasks.v1}: departments, each task's newest
 * state (by version; a status change by its day), and each overdue notice once.
 */
@ApplicationScoped
public class TaskLedgerProjection {

    public static final String CONSUMER = "report-tasks";

    @Inject
    EventConsumer events;

    @Inject
    EntityManager entityManager;

    @Incoming("tasks")
    @Blocking
    public CompletionStage<Void> onTask(Message<String> message) {
        return events.consume(message, CONSUMER, this::apply);
    }

    public void apply(IncomingEvent event) {
        applyEvent(event);
        // Open dashboards refresh when the projection has applied events (LiveReports): these too.
        entityManager
                .createNativeQuery("UPDATE projection_state SET applied_at = ?1 WHERE id = 1")
                .setParameter(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                .executeUpdate();
    }

    private void applyEvent(IncomingEvent event) {
        JsonNode data = event.data();
        switch (event.type()) {
            case EventNames.DEPARTMENT_REGISTERED -> entityManager
                    .createNativeQuery(
                            """
                            INSERT INTO ledger_department (code, name_zh, region_code) VALUES (?1, ?2, ?3)
                            ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, region_code = excluded.region_code""")
                    .setParameter(1, required(data, "code"))
                    .setParameter(2, required(data, "nameZh"))
                    .setParameter(3, required(data, "region"))
                    .executeUpdate();
            case EventNames.TASK_REGISTERED, EventNames.TASK_UPDATED -> task(data);
            case EventNames.TASK_STATUS_CHANGED -> entityManager
                    .createNativeQuery(
                            """
                            UPDATE ledger_task SET status = ?2, light = ?3, working = ?4, status_on = ?5
                            WHERE code = ?1 AND status_on <= ?5""")
                    .setParameter(1, required(data, "task"))
                    .setParameter(2, required(data, "to"))
                    .setParameter(3, required(data, "light"))
                    .setParameter(4, required(data, "working"))
                    .setParameter(5, LocalDate.parse(required(data, "on")))
                    .executeUpdate();
            case EventNames.TASK_OVERDUE -> entityManager
                    .createNativeQuery(
                            """
                            INSERT INTO ledger_overdue (task_code, milestone, due_date, noticed_on) VALUES (?1, ?2, ?3, ?4)
                            ON CONFLICT DO NOTHING""")
                    .setParameter(1, required(data, "task"))
                    .setParameter(2, data.path("milestone").asInt())
                    .setParameter(3, LocalDate.parse(required(data, "due")))
                    .setParameter(4, LocalDate.parse(required(data, "on")))
                    .executeUpdate();
            default -> {
                // Progress reports change the task, which its own update event carries.
            }
        }
    }

    private void task(JsonNode data) {
        entityManager
                .createNativeQuery(
                        """
                        INSERT INTO ledger_task (code, title, campaign, region_code, lead_department, start_date, due_date,
                            measure, indicator_code, planned, unit, reached, parent_code, status, light, working, status_on,
                            version)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
                        ON CONFLICT (code) DO UPDATE SET title = excluded.title, campaign = excluded.campaign,
                            region_code = excluded.region_code, lead_department = excluded.lead_department,
                            start_date = excluded.start_date, due_date = excluded.due_date, measure = excluded.measure,
                            indicator_code = excluded.indicator_code, planned = excluded.planned, unit = excluded.unit,
                            reached = excluded.reached, parent_code = excluded.parent_code, status = excluded.status,
                            light = excluded.light, working = excluded.working, status_on = excluded.status_on,
                            version = excluded.version
                        WHERE ledger_task.version < excluded.version""")
                .setParameter(1, required(data, "code"))
                .setParameter(2, required(data, "title"))
                .setParameter(3, required(data, "campaign"))
                .setParameter(4, required(data, "region"))
                .setParameter(5, required(data, "leadDepartment"))
                .setParameter(6, LocalDate.parse(required(data, "startDate")))
                .setParameter(7, LocalDate.parse(required(data, "dueDate")))
                .setParameter(8, required(data, "measure"))
                .setParameter(
                        9, data.hasNonNull("indicator") ? data.get("indicator").asText() : null)
                .setParameter(
                        10, data.hasNonNull("planned") ? data.get("planned").decimalValue() : null)
                .setParameter(11, data.hasNonNull("unit") ? data.get("unit").asText() : null)
                .setParameter(
                        12, data.hasNonNull("reached") ? data.get("reached").decimalValue() : null)
                .setParameter(13, data.hasNonNull("parent") ? data.get("parent").asText() : null)
                .setParameter(14, required(data, "status"))
                .setParameter(15, required(data, "light"))
                .setParameter(16, required(data, "working"))
                .setParameter(17, LocalDate.parse(required(data, "statusOn")))
                .setParameter(18, data.path("version").asLong())
                .executeUpdate();
    }

    private static String required(JsonNode data, String field) {
        if (!data.hasNonNull(field)) {
            throw new PoisonEventException("task ledger event without " + field);
        }
        return data.get(field).asText();
    }
}
