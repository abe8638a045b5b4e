package cn.bqw.indicator.targets;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a region's target is shared out among its children: their sum against the parent's target.
 * {@code status} is {@code BALANCED} when they are equal, {@code UNDER} or {@code OVER} otherwise,
 * {@code NO_PARENT_TARGET} when the region has none.
 */
@Schema(
        example = "{\"indicator\":\"AGRI_HSF_NEW\",\"year\":2025,\"region\":\"449900000000\",\"target\":150000,"
                + "\"allocated\":148000,\"difference\":-2000,\"status\":\"UNDER\",\"shares\":[{\"region\":\"449901000000\","
                + "\"value\":40000}],\"unallocated\":[\"449904000000\"]}")
public record Allocation(
        String indicator,
        int year,
        String region,
        BigDecimal target,
        BigDecimal allocated,
        BigDecimal difference,
        String status,
        List<Share> shares,
        List<String> unallocated) {

    /** One child's target. */
    public record Share(String region, BigDecimal value) {}
}
