package cn.bqw.task.progress;

import cn.bqw.platform.audit.AuditTrail;
import cn.bqw.platform.events.Outbox;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.security.CurrentActor;
import cn.bqw.platform.security.RegionAccess;
import cn.bqw.task.task.Milestone;
import cn.bqw.task.task.Task;
import cn.bqw.task.task.TaskEvents;
import cn.bqw.task.task.TaskService;
import cn.bqw.task.task.TaskStatusService;
import cn.bqw.task.task.TaskView;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The lead department's progress reports: only its own staff (the token's {@code departments}
 * claim) or an admin report; every version kept and audited; the task's figure, milestones and
 * status follow the newest report.
 */
@ApplicationScoped
public class ProgressService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    RegionAccess access;

    @Inject
    CurrentActor actor;

    @Inject
    TaskStatusService statuses;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Transactional
    public ProgressView report(String code, ProgressRequest request) {
        Task task = Task.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            throw ProblemException.notFound("task", code);
        }
        if (!access.admin() && !access.departments().contains(task.leadDepartment)) {
            throw new ForbiddenException("the progress of " + code + " is reported by its lead department, "
                    + task.leadDepartment + ", which this token does not belong to");
        }
        LocalDate today = statuses.today();
        if (request.reportedOn().isAfter(today) || request.reportedOn().isBefore(task.startDate.minusYears(1))) {
            throw ProblemException.invalid(
                    "reportedOn", "must be a day up to today (" + today + "), not long before the task starts");
        }
        reached(task, request.reached());
        List<Integer> done = List.copyOf(
                new LinkedHashSet<>(request.doneMilestones() == null ? List.of() : request.doneMilestones()));
        for (Integer number : done) {
            if (task.milestones.stream().noneMatch(m -> m.number == number)) {
                throw ProblemException.invalid("doneMilestones", code + " has no milestone " + number);
            }
        }
        TaskView before = TaskView.of(task);
        ProgressReport report = new ProgressReport();
        report.taskCode = code;
        report.reportedOn = request.reportedOn();
        report.note = request.note().strip();
        report.reached = request.reached();
        report.evidence = request.evidence() == null
                ? List.of()
                : request.evidence().stream().map(String::strip).toList();
        report.doneMilestones = done;
        report.version = ProgressReport.count("taskCode = ?1 and reportedOn = ?2", code, request.reportedOn()) + 1;
        report.recordedBy = actor.name();
        report.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        report.persist();
        apply(task);
        statuses.evaluate(task, today);
        task.updatedAt = report.recordedAt;
        task.flush();
        ProgressView view = ProgressView.of(report);
        TaskView after = TaskView.of(task);
        audit.record(
                "progress", code + "|" + report.reportedOn, report.version == 1 ? "REPORTED" : "REVISED", null, view);
        outbox.record(ProgressEvents.REPORTED.of(code, view));
        if (!after.equals(before)) {
            audit.record("task", code, "UPDATED", before, after);
            outbox.record(TaskEvents.UPDATED.of(code, after));
        }
        return view;
    }

    /** A task's reports, newest day first, every version. */
    @Transactional
    public List<ProgressView> list(String code) {
        TaskService.find(code);
        return ProgressReport.<ProgressReport>list(
                        "taskCode",
                        Sort.by("reportedOn").descending().and("version").descending(),
                        code)
                .stream()
                .map(ProgressView::of)
                .toList();
    }

    private static void reached(Task task, BigDecimal reached) {
        switch (task.measure) {
            case "PERCENT" -> {
                if (reached == null || reached.compareTo(HUNDRED) > 0) {
                    throw ProblemException.invalid("reached", "a percentage from 0 to 100");
                }
            }
            case "QUANTITY" -> {
                if (reached == null) {
                    throw ProblemException.invalid("reached", "the quantity reached, in " + task.unit);
                }
            }
            default -> {
                if (reached != null) {
                    throw ProblemException.invalid(
                            "reached", "an INDICATOR task's figure is its indicator's; report a note and evidence");
                }
            }
        }
    }

    /**
     * The task as its newest report has it: the latest day's latest version gives the figure, every
     * report's milestones are done from the first day one named them.
     */
    private static void apply(Task task) {
        List<ProgressReport> reports = ProgressReport.list(
                "taskCode", Sort.by("reportedOn").descending().and("version").descending(), task.code);
        task.reached = reports.isEmpty() ? null : reports.get(0).reached;
        for (Milestone milestone : task.milestones) {
            milestone.doneOn = reports.stream()
                    .filter(r -> r.doneMilestones.contains(milestone.number))
                    .map(r -> r.reportedOn)
                    .min(LocalDate::compareTo)
                    .orElse(null);
        }
    }
}
