package cn.bqw.task.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A task as the API and its events show it, with its status as last worked out. */
public record TaskView(
        String code,
        String title,
        String campaign,
        String region,
        String leadDepartment,
        List<String> cooperating,
        LocalDate startDate,
        LocalDate dueDate,
        String measure,
        String indicator,
        BigDecimal planned,
        String unit,
        String parent,
        List<MilestoneView> milestones,
        BigDecimal reached,
        IndicatorFigure figure,
        String status,
        String light,
        String working,
        LocalDate statusOn,
        long version) {

    /**
     * An INDICATOR task's figure from report-service: the region's actual value, its target for the
     * task's year, the progress towards it in points (0–100), and the month it is as of.
     */
    public record IndicatorFigure(BigDecimal actual, BigDecimal target, BigDecimal progress, String asOf) {}

    public record MilestoneView(int number, String title, LocalDate due, LocalDate doneOn) {}

    public static TaskView of(Task task) {
        return new TaskView(
                task.code,
                task.title,
                task.campaign,
                task.regionCode,
                task.leadDepartment,
                List.copyOf(task.cooperating),
                task.startDate,
                task.dueDate,
                task.measure,
                task.indicatorCode,
                task.planned,
                task.unit,
                task.parentCode,
                task.milestones.stream()
                        .map(m -> new MilestoneView(m.number, m.title, m.dueDate, m.doneOn))
                        .toList(),
                task.reached,
                task.figureAsOf == null
                        ? null
                        : new IndicatorFigure(
                                task.figureActual, task.figureTarget, task.figureProgress, task.figureAsOf),
                task.status,
                task.light,
                task.working,
                task.statusOn,
                task.version);
    }
}
