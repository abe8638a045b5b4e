package cn.bqw.task.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The status rules over dates, for a task of 2025 (1 January to 31 December, 365 days) with one
 * milestone due 30 June, and a margin of 10 points.
 */
class TaskStatusRulesTest {

    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final LocalDate DUE = LocalDate.of(2025, 12, 31);
    static final LocalDate MILESTONE = LocalDate.of(2025, 6, 30);

    @ParameterizedTest(name = "{0}, progress {1}, milestone done {2}: {3} ({4})")
    @CsvSource(
            nullValues = "-",
            value = {
                // Before the start: not started, whatever was reported.
                "2024-12-31, -,   -,          NOT_STARTED, GREEN",
                "2024-12-31, 20,  -,          NOT_STARTED, GREEN",
                // The first day: 1 of 365 days gone (0.27%).
                "2025-01-01, 0,   -,          ON_SCHEDULE, GREEN",
                // 2 April: 92 of 365 days, 25.21% elapsed; 15.21 is the margin's edge.
                "2025-04-02, 15.21, -,        ON_SCHEDULE, GREEN",
                "2025-04-02, 15.2,  -,        BEHIND,      YELLOW",
                // No figure (an indicator-linked task): on schedule until a date passes.
                "2025-04-02, -,   -,          ON_SCHEDULE, GREEN",
                // The milestone's due day is still in time; the day after it is overdue unless done.
                "2025-06-30, 60,  -,          ON_SCHEDULE, GREEN",
                "2025-07-01, 60,  -,          OVERDUE,     RED",
                "2025-07-01, 60,  2025-06-30, ON_SCHEDULE, GREEN",
                // Done a day late: no longer unfinished (its overdue notice, once published, stands).
                "2025-07-01, 60,  2025-07-01, ON_SCHEDULE, GREEN",
                // Year end: the last day is in time, the first day of the next year is not.
                "2025-12-31, 95,  2025-06-20, ON_SCHEDULE, GREEN",
                "2025-12-31, 89,  2025-06-20, BEHIND,      YELLOW",
                "2026-01-01, 95,  2025-06-20, OVERDUE,     RED",
                // Done: all reached and every milestone done, even late.
                "2026-01-01, 100, 2025-06-20, DONE,        GREEN",
                "2025-03-01, 100, 2025-02-01, DONE,        GREEN",
                // All reached but the milestone not reported done: not done yet.
                "2025-03-01, 100, -,          ON_SCHEDULE, GREEN",
                "2025-07-01, 100, -,          OVERDUE,     RED"
            })
    void statusOnADay(LocalDate today, BigDecimal progress, LocalDate milestoneDone, TaskStatus status, String light) {
        TaskStatusRules.Assessment assessment = TaskStatusRules.assess(
                new TaskStatusRules.Facts(
                        START, DUE, progress, List.of(new TaskStatusRules.Milestone(1, MILESTONE, milestoneDone))),
                today,
                BigDecimal.TEN);
        assertEquals(status, assessment.status(), assessment.working());
        assertEquals(TaskStatus.Light.valueOf(light), assessment.light());
    }

    @ParameterizedTest(name = "{0}: {1}% of the time elapsed")
    @CsvSource({"2024-06-01, 0", "2025-01-01, 0.27", "2025-07-02, 50.14", "2025-12-31, 100", "2026-03-01, 100"})
    void elapsedCountsTheStartAndTheDayItself(LocalDate today, BigDecimal elapsed) {
        assertEquals(0, elapsed.compareTo(TaskStatusRules.elapsed(START, DUE, today)), today.toString());
    }

    @ParameterizedTest(name = "milestone overdue: {0}")
    @CsvSource({"2025-07-01, 1", "2025-06-30, 0"})
    void theOverdueMilestonesAreNamed(LocalDate today, int overdue) {
        TaskStatusRules.Assessment assessment = TaskStatusRules.assess(
                new TaskStatusRules.Facts(START, DUE, null, List.of(new TaskStatusRules.Milestone(1, MILESTONE, null))),
                today,
                BigDecimal.TEN);
        assertEquals(overdue, assessment.overdueMilestones().size());
    }
}
