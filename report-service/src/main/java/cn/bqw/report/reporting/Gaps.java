package cn.bqw.report.reporting;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Urban–rural gaps for the indicators observed with URBAN and RURAL areas: per region, the gap
 * (urban − rural, in the indicator's unit: percentage points for percentages; urban / rural for
 * money) as of the month, and its month-by-month trend.
 */
@Schema(
        example =
                "{\"year\":2025,\"asOf\":\"2025-11\",\"view\":\"all\",\"indicators\":[{\"indicator\":\"RURAL_ROAD_GOOD_RATE\","
                        + "\"nameZh\":\"农村公路优良率\",\"unit\":\"percent\",\"measure\":\"DIFFERENCE\",\"regions\":[{\"region\":"
                        + "\"449900000000\",\"nameZh\":\"示范市\",\"urban\":92,\"rural\":77,\"gap\":15,\"trend\":[{\"month\":\"2025-01\","
                        + "\"gap\":16.5}],\"approved\":100,\"provisional\":false}]}],\"freshness\":{\"lastEventAt\":null,\"appliedAt\":null,\"pendingEvents\":0}}")
public record Gaps(int year, String asOf, String view, List<IndicatorGaps> indicators, Freshness freshness) {

    /** One indicator's gaps; {@code measure} is DIFFERENCE (urban − rural) or RATIO (urban / rural). */
    public record IndicatorGaps(
            String indicator, String nameZh, String unit, String measure, List<RegionGap> regions) {}

    /** One region's gap as of the month, month by month, and the approved share of its urban and rural values. */
    public record RegionGap(
            String region,
            String nameZh,
            BigDecimal urban,
            BigDecimal rural,
            BigDecimal gap,
            List<Point> trend,
            BigDecimal approved,
            boolean provisional) {}

    /** The gap as of the end of a month; null where either side has no value. */
    public record Point(String month, BigDecimal gap) {}
}
