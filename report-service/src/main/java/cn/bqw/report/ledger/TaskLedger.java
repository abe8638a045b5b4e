package cn.bqw.report.ledger;

import cn.bqw.report.status.Assessment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The 督办 view of a region: its subtree's tasks by status and by campaign, each lead department's
 * scorecard (its tasks, how many on time, its on-time rate), the overdue list by days overdue, and
 * every task with its figure — for a task that follows an indicator, the region's live figure from
 * the aggregates against its target.
 */
public record TaskLedger(
        String region,
        String nameZh,
        LocalDate on,
        int tasks,
        Map<String, Long> byStatus,
        Map<String, Map<String, Long>> byCampaign,
        List<DepartmentScore> departments,
        List<Overdue> overdue,
        List<TaskLine> lines) {

    /** A lead department's tasks, those never overdue, those overdue now, and its on-time rate (0–100). */
    public record DepartmentScore(
            String department, String nameZh, long tasks, long onTime, long overdueNow, BigDecimal onTimeRate) {}

    /** An overdue task: the earliest date it let pass unfinished and how many days ago that was. */
    public record Overdue(
            String task, String title, String region, String leadDepartment, LocalDate due, long daysOverdue) {}

    /** A task with its status and figure; {@code indicatorFigure} for a task that follows an indicator. */
    public record TaskLine(
            String task,
            String title,
            String campaign,
            String region,
            String leadDepartment,
            LocalDate dueDate,
            String status,
            String light,
            String working,
            BigDecimal reached,
            BigDecimal planned,
            String unit,
            String indicator,
            Assessment indicatorFigure) {}
}
