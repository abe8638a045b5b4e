package cn.bqw.report.reporting;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A region's progress for a year, by campaign, as of a month ({@code 2025-11}), in a view ({@code
 * all} values, or only the {@code official} ones).
 */
@Schema(
        example =
                "{\"region\":\"449900000000\",\"nameZh\":\"示范市\",\"level\":\"CITY\",\"year\":2025,\"asOf\":\"2025-11\",\"view\":\"all\","
                        + "\"expected\":0.9167,\"campaigns\":[{\"campaign\":\"AGRI\",\"indicators\":[{\"code\":\"AGRI_HSF_NEW\","
                        + "\"nameZh\":\"新建高标准农田\",\"nameEn\":\"New high-standard farmland\",\"campaign\":\"AGRI\",\"unit\":\"mu\","
                        + "\"aggregation\":\"SUM\",\"overTime\":\"FLOW\",\"direction\":\"UP\",\"targetKind\":\"BINDING\","
                        + "\"assessment\":{\"status\":\"ON_TRACK\",\"actual\":135000,\"target\":150000,\"baseline\":null,"
                        + "\"progress\":0.9,\"expected\":0.9167,\"onTrackAt\":0.8709,\"atRiskAt\":0.55,"
                        + "\"rule\":\"FLOW: progress = actual / target\"},\"approved\":80,\"provisional\":true}]}],\"freshness\":{\"lastEventAt\":\"2025-11-28T09:30:00Z\","
                        + "\"appliedAt\":\"2025-11-28T09:30:00.2Z\",\"pendingEvents\":0}}")
public record RegionReport(
        String region,
        String nameZh,
        String level,
        int year,
        String asOf,
        String view,
        BigDecimal expected,
        List<Campaign> campaigns,
        Freshness freshness) {

    /** The indicators of one campaign. */
    public record Campaign(String campaign, List<IndicatorReport> indicators) {}
}
