package cn.bqw.task.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A progress report as the API and {@code bqw.task.progress-reported.v1} show it. */
public record ProgressView(
        long id,
        String task,
        LocalDate reportedOn,
        String note,
        BigDecimal reached,
        List<String> evidence,
        List<Integer> doneMilestones,
        long version,
        String recordedBy,
        OffsetDateTime recordedAt) {

    static ProgressView of(ProgressReport report) {
        return new ProgressView(
                report.id,
                report.taskCode,
                report.reportedOn,
                report.note,
                report.reached,
                List.copyOf(report.evidence),
                List.copyOf(report.doneMilestones),
                report.version,
                report.recordedBy,
                report.recordedAt);
    }
}
