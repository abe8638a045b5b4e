package cn.bqw.task.task;

import cn.bqw.platform.audit.AuditTrail;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.events.Outbox;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.region.RegionWrites;
import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.RegionAccess;
import cn.bqw.task.catalogue.IndicatorFeed;
import cn.bqw.task.department.Department;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Registers tasks (a city's, or a county's split from it) and reads them. */
@ApplicationScoped
public class TaskService {

    @Inject
    RegionWrites regionWrites;

    @Inject
    IndicatorFeed indicators;

    @Inject
    TaskStatusService statuses;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Transactional
    public TaskView register(TaskRequest request) {
        regionWrites.require(Permission.TASK_REGISTER, request.region());
        if (request.dueDate().isBefore(request.startDate())) {
            throw ProblemException.invalid("dueDate", "must not be before startDate " + request.startDate());
        }
        List<TaskRequest.MilestoneRequest> milestones = request.milestones() == null ? List.of() : request.milestones();
        for (int i = 0; i < milestones.size(); i++) {
            TaskRequest.MilestoneRequest milestone = milestones.get(i);
            if (milestone.due().isBefore(request.startDate()) || milestone.due().isAfter(request.dueDate())) {
                throw ProblemException.invalid(
                        "milestones[" + i + "].due",
                        "must be between the task's startDate and dueDate (" + request.startDate() + " to "
                                + request.dueDate() + ")");
            }
        }
        department(request.leadDepartment(), "leadDepartment");
        List<String> cooperating =
                new ArrayList<>(new LinkedHashSet<>(request.cooperating() == null ? List.of() : request.cooperating()));
        for (String code : cooperating) {
            department(code, "cooperating");
        }
        if (cooperating.contains(request.leadDepartment())) {
            throw ProblemException.invalid(
                    "cooperating", "must not name the lead department " + request.leadDepartment());
        }
        measure(request);
        if (request.parent() != null) {
            allocation(request);
        }
        if (Task.findById(request.code()) != null) {
            throw ProblemException.conflict("task " + request.code() + " already exists");
        }
        Task task = new Task();
        task.code = request.code();
        task.title = request.title().strip();
        task.campaign = request.campaign();
        task.regionCode = request.region();
        task.leadDepartment = request.leadDepartment();
        task.cooperating = cooperating;
        task.startDate = request.startDate();
        task.dueDate = request.dueDate();
        task.measure = request.measure();
        task.indicatorCode = request.indicator();
        task.planned = "PERCENT".equals(request.measure()) ? BigDecimal.valueOf(100) : request.planned();
        task.unit = "PERCENT".equals(request.measure()) ? "%" : request.unit();
        task.parentCode = request.parent();
        task.stampCreated();
        for (int i = 0; i < milestones.size(); i++) {
            Milestone milestone = new Milestone();
            milestone.task = task;
            milestone.number = i + 1;
            milestone.title = milestones.get(i).title().strip();
            milestone.dueDate = milestones.get(i).due();
            task.milestones.add(milestone);
        }
        LocalDate today = statuses.today();
        var assessment = statuses.apply(task, today);
        task.persistAndFlush();
        statuses.publish(task, null, assessment, today);
        TaskView view = TaskView.of(task);
        audit.record("task", task.code, "REGISTERED", null, view);
        outbox.record(TaskEvents.REGISTERED.of(task.code, view));
        return view;
    }

    @Transactional
    public TaskView read(String code) {
        return TaskView.of(find(code));
    }

    /** Tasks of a region's subtree (null: all), of a status (null: any), by code. */
    @Transactional
    public List<TaskView> list(String region, String status) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (region != null) {
            DivisionCode.Subtree subtree = DivisionCode.parse(region)
                    .orElseThrow(() -> ProblemException.invalid("region", "must be a 12-digit division code"))
                    .subtree();
            query.append(" and regionCode >= :first and regionCode < :end");
            parameters.and("first", subtree.first()).and("end", subtree.end());
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        return Task.<Task>list(query.toString(), Sort.by("code"), parameters).stream()
                .map(TaskView::of)
                .toList();
    }

    public static Task find(String code) {
        Task task = Task.findById(code);
        if (task == null) {
            throw ProblemException.notFound("task", code);
        }
        return task;
    }

    private static void department(String code, String field) {
        if (Department.findById(code) == null) {
            throw ProblemException.invalid(field, code + " is not a registered department");
        }
    }

    private void measure(TaskRequest request) {
        switch (request.measure()) {
            case "INDICATOR" -> {
                if (request.indicator() == null || !indicators.known(request.indicator())) {
                    throw ProblemException.invalid(
                            "indicator",
                            "an INDICATOR task names an indicator of the catalogue; " + request.indicator()
                                    + " is not one");
                }
            }
            case "QUANTITY" -> {
                if (request.indicator() != null) {
                    throw ProblemException.invalid("indicator", "only an INDICATOR task names an indicator");
                }
                if (request.planned() == null
                        || request.unit() == null
                        || request.unit().isBlank()) {
                    throw ProblemException.invalid("planned", "a QUANTITY task needs planned and unit");
                }
            }
            default -> {
                if (request.indicator() != null) {
                    throw ProblemException.invalid("indicator", "only an INDICATOR task names an indicator");
                }
                if (request.planned() != null && request.planned().compareTo(BigDecimal.valueOf(100)) != 0) {
                    throw ProblemException.invalid("planned", "a PERCENT task is planned to 100 (or without planned)");
                }
            }
        }
    }

    /**
     * A county subtask: its parent exists, is a task of a region above it with the same measure, and
     * the subtasks' allocations (their planned quantities) add up to no more than the parent's.
     */
    private void allocation(TaskRequest request) {
        Task parent = Task.findById(request.parent());
        if (parent == null) {
            throw ProblemException.invalid("parent", request.parent() + " is not a registered task");
        }
        if (parent.regionCode.equals(request.region())
                || !RegionAccess.inside(List.of(parent.regionCode), request.region())) {
            throw ProblemException.invalid("region", "a subtask's region is below its parent's, " + parent.regionCode);
        }
        if (!parent.measure.equals(request.measure())) {
            throw ProblemException.invalid("measure", "a subtask is measured as its parent is, " + parent.measure);
        }
        if (!"QUANTITY".equals(parent.measure)) {
            return;
        }
        BigDecimal allocated = Task.<Task>list("parentCode", parent.code).stream()
                .map(t -> t.planned)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal after = allocated.add(request.planned());
        if (after.compareTo(parent.planned) > 0) {
            throw ProblemException.conflict("the subtasks of " + parent.code + " would be allocated "
                    + after.toPlainString() + " " + parent.unit + ", more than its planned "
                    + parent.planned.toPlainString() + " (already allocated: " + allocated.toPlainString() + ")");
        }
    }
}
