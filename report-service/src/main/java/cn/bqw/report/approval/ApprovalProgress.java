package cn.bqw.report.approval;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How far the divisions directly below a region are through approval for a period: per campaign,
 * how many units are in each state and the share approved; and each unit's state.
 */
@Schema(
        example =
                "{\"region\":\"449901000000\",\"period\":\"2025-11\",\"campaigns\":[{\"campaign\":\"RURAL\",\"units\":12,\"open\":2,\"submitted\":3,\"approved\":6,\"accepted\":0,\"returned\":1,\"approvedShare\":0.5}],\"units\":[{\"region\":\"449901101000\",\"nameZh\":\"青石镇\",\"campaign\":\"RURAL\",\"state\":\"RETURNED\",\"reason\":\"请核实\",\"changedBy\":\"approver-dongxian\"}]}")
public record ApprovalProgress(String region, String period, List<Campaign> campaigns, List<Unit> units) {

    /** One campaign's counts; {@code approvedShare} counts approved and accepted units. */
    public record Campaign(
            String campaign,
            int units,
            int open,
            int submitted,
            int approved,
            int accepted,
            int returned,
            BigDecimal approvedShare) {}

    /** One division's state for one campaign ({@code OPEN} where nothing was submitted). */
    public record Unit(String region, String nameZh, String campaign, String state, String reason, String changedBy) {}
}
