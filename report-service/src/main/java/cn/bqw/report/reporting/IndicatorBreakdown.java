package cn.bqw.report.reporting;

import cn.bqw.report.status.Assessment;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One indicator over the regions below a parent, and the parent's month-by-month series; with the
 * indicator's unit and kind over time, and the parent's own assessment (its target and baseline), so
 * a chart can draw the target and the expected pace beside the series.
 */
@Schema(
        example =
                "{\"indicator\":\"RURAL_TOILET\",\"year\":2025,\"asOf\":\"2025-11\",\"view\":\"all\",\"parent\":\"449900000000\",\"unit\":\"toilet\",\"overTime\":\"FLOW\","
                        + "\"assessment\":{\"status\":\"ON_TRACK\",\"actual\":188,\"target\":200,\"baseline\":null,"
                        + "\"progress\":0.94,\"expected\":0.9167,\"onTrackAt\":0.8709,\"atRiskAt\":0.55,"
                        + "\"rule\":\"FLOW: progress = actual / target\"},"
                        + "\"regions\":[{\"region\":\"449901000000\",\"nameZh\":\"东县\",\"level\":\"COUNTY\",\"population\":420000,\"assessment\":{"
                        + "\"status\":\"ACHIEVED\",\"actual\":61,\"target\":60,\"baseline\":null,\"progress\":1.0167,\"expected\":0.9167,"
                        + "\"onTrackAt\":0.8709,\"atRiskAt\":0.55,\"rule\":\"FLOW: progress = actual / target\"},\"approved\":100,\"provisional\":false}],"
                        + "\"series\":[{\"month\":\"2025-01\",\"actual\":12}],\"freshness\":{\"lastEventAt\":null,"
                        + "\"appliedAt\":null,\"pendingEvents\":0}}")
public record IndicatorBreakdown(
        String indicator,
        int year,
        String asOf,
        String view,
        String parent,
        String unit,
        String overTime,
        Assessment assessment,
        List<RegionValue> regions,
        List<Point> series,
        Freshness freshness) {

    /** One region below the parent, with its resident population (its own, else its villages') and approved share. */
    public record RegionValue(
            String region,
            String nameZh,
            String level,
            Long population,
            Assessment assessment,
            BigDecimal approved,
            boolean provisional) {}

    /** The parent's value as of the end of a month. */
    public record Point(String month, BigDecimal actual) {}
}
