package cn.bqw.indicator.approval;

import cn.bqw.indicator.catalogue.Campaign;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit's approval state as the API and the events show it; {@code version} 0 and no actor for OPEN. */
@Schema(
        example =
                "{\"region\":\"449901101000\",\"period\":\"2025-11\",\"campaign\":\"RURAL\",\"state\":\"RETURNED\",\"reason\":\"厕所数与上月不符\",\"changedBy\":\"approver-dongxian\",\"changedAt\":\"2025-12-03T02:00:00Z\",\"version\":3}")
public record ApprovalView(
        String region,
        String period,
        Campaign campaign,
        ApprovalState state,
        String reason,
        String changedBy,
        OffsetDateTime changedAt,
        long version) {

    static ApprovalView of(Approval approval) {
        return new ApprovalView(
                approval.regionCode,
                approval.period,
                approval.campaign,
                approval.state,
                approval.reason,
                approval.changedBy,
                approval.changedAt,
                approval.version);
    }

    static ApprovalView open(String region, String period, Campaign campaign) {
        return new ApprovalView(region, period, campaign, ApprovalState.OPEN, null, null, null, 0);
    }
}
