package cn.bqw.report.reporting;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The active villages of a region with where they lie, for a map: each with its population,
 * category and pilots, and (when an indicator is asked for) its own figure and status.
 */
@Schema(
        example = "{\"region\":\"449901000000\",\"nameZh\":\"东县\",\"year\":2025,\"asOf\":\"2025-11\",\"view\":\"all\","
                + "\"indicator\":\"RURAL_SEWAGE_RATE\",\"unit\":\"percent\",\"aggregation\":\"SHARE_TRUE\",\"villages\":["
                + "{\"village\":\"449901101201\",\"nameZh\":\"青石村\",\"township\":\"449901101000\",\"county\":\"449901000000\","
                + "\"latitude\":23.4512,\"longitude\":113.6041,\"population\":2310,\"category\":\"DEMONSTRATION\","
                + "\"pilots\":[\"MAP_AND_CODE\"],\"actual\":100,\"status\":\"NO_TARGET\"}],"
                + "\"freshness\":{\"lastEventAt\":null,\"appliedAt\":null,\"pendingEvents\":0}}")
public record VillageMap(
        String region,
        String nameZh,
        int year,
        String asOf,
        String view,
        String indicator,
        String unit,
        String aggregation,
        List<VillagePoint> villages,
        Freshness freshness) {

    /**
     * One village; {@code latitude}/{@code longitude} null when the registry has none, {@code actual}
     * and {@code status} null when no indicator was asked for.
     */
    public record VillagePoint(
            String village,
            String nameZh,
            String township,
            String county,
            BigDecimal latitude,
            BigDecimal longitude,
            Long population,
            String category,
            List<String> pilots,
            BigDecimal actual,
            String status) {}
}
