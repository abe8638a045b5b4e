package cn.bqw.report.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Active villages by category, plan type and pilot programme: the city and each county. */
@Schema(
        example = "{\"regions\":[{\"region\":\"449901000000\",\"nameZh\":\"东县\",\"activeVillages\":612,"
                + "\"categories\":{\"DEMONSTRATION\":{\"villages\":25,\"share\":4.08}},\"planTypes\":{\"AGGLOMERATION\":"
                + "{\"villages\":301,\"share\":49.18}},\"pilots\":{\"MAP_AND_CODE\":{\"villages\":40,\"share\":6.54}}}],"
                + "\"freshness\":{\"lastEventAt\":null,\"appliedAt\":null,\"pendingEvents\":0}}")
public record Coverage(List<RegionCoverage> regions, Freshness freshness) {

    /** One region's counts; shares are percentages of its active villages. */
    public record RegionCoverage(
            String region,
            String nameZh,
            long activeVillages,
            Map<String, Share> categories,
            Map<String, Share> planTypes,
            Map<String, Share> pilots) {}

    /** How many villages, and what percentage of the region's active villages. */
    public record Share(long villages, BigDecimal share) {}
}
