package cn.bqw.task.task;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A task's status on a day, from its dates, its milestones and the progress reported (0–100):
 * <ol>
 *   <li>{@code DONE} when progress is 100 and every milestone is done;
 *   <li>{@code OVERDUE} when the due date, or a milestone's, has passed unfinished — a due date is
 *       the last day to finish, so a task is overdue from the day after;
 *   <li>{@code NOT_STARTED} before the start date;
 *   <li>{@code BEHIND} when progress is below the elapsed share of the task's days (start and today
 *       counted) by more than the margin, in points;
 *   <li>{@code ON_SCHEDULE} otherwise, and while no progress figure is known yet (an
 *       indicator-linked task's comes from report-service's figure for its region).
 * </ol>
 */
public final class TaskStatusRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext PRECISION = new MathContext(16, RoundingMode.HALF_EVEN);

    /** A milestone's number, due date, and the day it was reported done (null: not yet). */
    public record Milestone(int number, LocalDate due, LocalDate doneOn) {}

    /** What the status is worked out from; {@code progress} null when unknown. */
    public record Facts(LocalDate start, LocalDate due, BigDecimal progress, List<Milestone> milestones) {}

    /** The status, its light, the elapsed share (0–100), the milestones overdue, and the working in words. */
    public record Assessment(
            TaskStatus status,
            BigDecimal elapsed,
            BigDecimal progress,
            List<Integer> overdueMilestones,
            String working) {

        public TaskStatus.Light light() {
            return status.light();
        }
    }

    private TaskStatusRules() {}

    public static Assessment assess(Facts facts, LocalDate today, BigDecimal margin) {
        BigDecimal progress = facts.progress();
        BigDecimal elapsed = elapsed(facts.start(), facts.due(), today);
        boolean reached = progress != null && progress.compareTo(HUNDRED) >= 0;
        List<Integer> late = facts.milestones().stream()
                .filter(m -> m.doneOn() == null && today.isAfter(m.due()))
                .map(Milestone::number)
                .toList();
        boolean milestonesDone = facts.milestones().stream().allMatch(m -> m.doneOn() != null);
        if (reached && milestonesDone) {
            return new Assessment(
                    TaskStatus.DONE,
                    elapsed,
                    progress,
                    List.of(),
                    "progress " + plain(progress) + " of 100 and every milestone done");
        }
        if (today.isAfter(facts.due())) {
            return new Assessment(
                    TaskStatus.OVERDUE,
                    elapsed,
                    progress,
                    late,
                    "due " + facts.due() + ", " + ChronoUnit.DAYS.between(facts.due(), today)
                            + " days ago, unfinished (progress " + plain(progress) + ")");
        }
        if (!late.isEmpty()) {
            Milestone first = facts.milestones().stream()
                    .filter(m -> m.number() == late.get(0))
                    .findFirst()
                    .orElseThrow();
            return new Assessment(
                    TaskStatus.OVERDUE,
                    elapsed,
                    progress,
                    late,
                    "milestone " + first.number() + " due " + first.due() + ", "
                            + ChronoUnit.DAYS.between(first.due(), today) + " days ago, not done");
        }
        if (today.isBefore(facts.start())) {
            return new Assessment(
                    TaskStatus.NOT_STARTED, BigDecimal.ZERO, progress, List.of(), "starts " + facts.start());
        }
        if (progress == null) {
            return new Assessment(
                    TaskStatus.ON_SCHEDULE,
                    elapsed,
                    null,
                    List.of(),
                    plain(elapsed) + "% of the time elapsed; no progress figure yet"
                            + " (an indicator's comes from report-service once its region has a value and a target)");
        }
        String working = "progress " + plain(progress) + " against " + plain(elapsed) + "% of the time elapsed"
                + " (margin " + plain(margin) + ")";
        if (progress.compareTo(elapsed.subtract(margin)) < 0) {
            return new Assessment(TaskStatus.BEHIND, elapsed, progress, List.of(), working);
        }
        return new Assessment(TaskStatus.ON_SCHEDULE, elapsed, progress, List.of(), working);
    }

    /** The share of the task's days gone by the end of {@code today}, 0–100, start and due day included. */
    static BigDecimal elapsed(LocalDate start, LocalDate due, LocalDate today) {
        if (today.isBefore(start)) {
            return BigDecimal.ZERO;
        }
        long days = ChronoUnit.DAYS.between(start, due) + 1;
        long gone = Math.min(days, ChronoUnit.DAYS.between(start, today) + 1);
        return HUNDRED.multiply(BigDecimal.valueOf(gone))
                .divide(BigDecimal.valueOf(days), PRECISION)
                .setScale(2, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }

    private static String plain(BigDecimal number) {
        return number == null ? "unknown" : number.stripTrailingZeros().toPlainString();
    }
}
