package cn.bqw.task.task;

import cn.bqw.platform.events.Outbox;
import cn.bqw.task.TasksConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Works out each task's status ({@link TaskStatusRules}) on every change and every day just after
 * midnight in the programme's calendar, and publishes what changed: a status change, and each task
 * or milestone newly overdue — once, whichever instance looks and however often, because its
 * notice row and its event are written in one transaction and the notice's key admits one.
 */
@ApplicationScoped
public class TaskStatusService {

    private static final Logger LOG = Logger.getLogger(TaskStatusService.class);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    TasksConfig config;

    /** Today in the programme's calendar. */
    public LocalDate today() {
        return LocalDate.now(config.zone());
    }

    void atStart(@Observes StartupEvent start) {
        daily();
    }

    @Scheduled(
            cron = "0 5 0 * * ?",
            timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        try {
            int changed = evaluateAll(today());
            LOG.infof("task statuses worked out for %s: %d changed", today(), changed);
        } catch (RuntimeException e) {
            LOG.warnf(e, "task statuses could not be worked out for %s", today());
        }
    }

    /** Every unfinished task's status on {@code day}, each in a transaction of its own; how many changed. */
    public int evaluateAll(LocalDate day) {
        List<String> codes = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("SELECT t.code FROM Task t WHERE t.status <> 'DONE' ORDER BY t.code", String.class)
                .getResultList());
        int changed = 0;
        for (String code : codes) {
            boolean moved = QuarkusTransaction.requiringNew().call(() -> {
                // Locked: two instances looking at once publish one change, not two.
                Task task = Task.findById(code, LockModeType.PESSIMISTIC_WRITE);
                return evaluate(task, day);
            });
            changed += moved ? 1 : 0;
        }
        return changed;
    }

    /**
     * The task's status on {@code day}, saved; a change and each newly overdue task or milestone
     * recorded in the outbox. Whether the status changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean evaluate(Task task, LocalDate day) {
        String before = task.status;
        return publish(task, before, apply(task, day), day);
    }

    /** Sets the task's status on {@code day}, without publishing anything (a new task before it is persisted). */
    public TaskStatusRules.Assessment apply(Task task, LocalDate day) {
        TaskStatusRules.Assessment assessment = TaskStatusRules.assess(
                new TaskStatusRules.Facts(
                        task.startDate,
                        task.dueDate,
                        progress(task),
                        task.milestones.stream()
                                .map(m -> new TaskStatusRules.Milestone(m.number, m.dueDate, m.doneOn))
                                .toList()),
                day,
                config.behindMargin());
        task.status = assessment.status().name();
        task.light = assessment.light().name();
        task.working = assessment.working();
        task.statusOn = day;
        return assessment;
    }

    /**
     * Publishes what {@link #apply} found: each newly overdue task or milestone (once), and the
     * status change from {@code before} (none for a new task). Whether the status changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean publish(Task task, String before, TaskStatusRules.Assessment assessment, LocalDate day) {
        if (assessment.status() == TaskStatus.OVERDUE) {
            if (day.isAfter(task.dueDate)) {
                notice(task, 0, task.dueDate, day);
            }
            task.milestones.stream()
                    .filter(m -> assessment.overdueMilestones().contains(m.number))
                    .forEach(m -> notice(task, m.number, m.dueDate, day));
        }
        if (before == null || before.equals(task.status)) {
            return false;
        }
        outbox.record(TaskEvents.STATUS_CHANGED.of(
                task.code,
                new StatusChange(
                        task.code,
                        task.regionCode,
                        task.leadDepartment,
                        before,
                        task.status,
                        task.light,
                        assessment.progress(),
                        assessment.elapsed(),
                        assessment.working(),
                        day)));
        return true;
    }

    /**
     * A task's progress in points (0–100): its indicator's progress as report-service reports it, the
     * department's percentage, or its quantity against planned.
     */
    static BigDecimal progress(Task task) {
        if ("INDICATOR".equals(task.measure)) {
            return task.figureProgress;
        }
        if (task.reached == null) {
            return null;
        }
        if ("PERCENT".equals(task.measure)) {
            return task.reached;
        }
        return HUNDRED.multiply(task.reached).divide(task.planned, MathContext.DECIMAL64);
    }

    private void notice(Task task, int milestone, LocalDate due, LocalDate day) {
        int inserted = entityManager
                .createNativeQuery(
                        """
                        INSERT INTO overdue_notice (task_code, milestone, due_date, noticed_on) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, task.code)
                .setParameter(2, milestone)
                .setParameter(3, due)
                .setParameter(4, day)
                .executeUpdate();
        if (inserted == 1) {
            outbox.record(TaskEvents.OVERDUE.of(
                    task.code,
                    new TaskOverdue(task.code, task.title, task.regionCode, task.leadDepartment, milestone, due, day)));
        }
    }
}
