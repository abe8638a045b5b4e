package cn.bqw.indicator.catalogue;

import cn.bqw.platform.api.Versioned;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An indicator as the API shows it, and as its events carry it. */
@Schema(
        example =
                "{\"code\":\"RURAL_TOILET\",\"nameZh\":\"新建农村公厕\",\"nameEn\":\"New rural public toilets\","
                        + "\"campaign\":\"RURAL\",\"unit\":\"toilet\",\"aggregation\":\"SUM\",\"overTime\":\"FLOW\",\"direction\":\"UP\","
                        + "\"reportedAt\":\"VILLAGE\",\"frequency\":\"MONTHLY\",\"validMin\":0,\"validMax\":50,\"description\":null,\"outliers\":\"FLAG\",\"version\":0}")
public record IndicatorView(
        String code,
        String nameZh,
        String nameEn,
        Campaign campaign,
        String unit,
        Aggregation aggregation,
        OverTime overTime,
        Direction direction,
        ReportingLevel reportedAt,
        Frequency frequency,
        BigDecimal validMin,
        BigDecimal validMax,
        String description,
        OutlierPolicy outliers,
        long version)
        implements Versioned {}
