package cn.bqw.report.live;

import java.time.OffsetDateTime;

/**
 * What the report stream tells an open dashboard: {@code REFRESH} when the projection has applied
 * new events (read the views again), {@code STATUS} when an indicator's status changed for the
 * region watched or a division below it ("东县, RURAL_TOILET: ON_TRACK → AT_RISK"), {@code
 * TASK_STATUS} when a task of the region's 督办 ledger changed status ({@code indicator} then holds
 * the task's code, {@code indicatorName} its title).
 */
public record LiveEvent(
        String type,
        OffsetDateTime appliedAt,
        Integer year,
        String region,
        String regionName,
        String indicator,
        String indicatorName,
        String from,
        String to) {

    static LiveEvent refresh(OffsetDateTime appliedAt, int year) {
        return new LiveEvent("REFRESH", appliedAt, year, null, null, null, null, null, null);
    }

    static LiveEvent status(
            OffsetDateTime appliedAt,
            int year,
            String region,
            String regionName,
            String indicator,
            String indicatorName,
            String from,
            String to) {
        return new LiveEvent("STATUS", appliedAt, year, region, regionName, indicator, indicatorName, from, to);
    }

    static LiveEvent taskStatus(
            OffsetDateTime appliedAt, int year, String region, String task, String title, String from, String to) {
        return new LiveEvent("TASK_STATUS", appliedAt, year, region, null, task, title, from, to);
    }
}
