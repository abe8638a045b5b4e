package cn.bqw.indicator.catalogue;

import cn.bqw.platform.input.Measure;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An indicator's definition as a client sends it; the code comes from the path. */
@Schema(
        example = "{\"nameZh\":\"新建农村公厕\",\"nameEn\":\"New rural public toilets\",\"campaign\":\"RURAL\","
                + "\"unit\":\"toilet\",\"aggregation\":\"SUM\",\"overTime\":\"FLOW\",\"direction\":\"UP\",\"reportedAt\":\"VILLAGE\","
                + "\"frequency\":\"MONTHLY\",\"validMin\":0,\"validMax\":50,\"outliers\":\"FLAG\"}")
public record IndicatorRequest(
        @NotBlank @Size(max = 200) String nameZh,
        @Size(max = 200) String nameEn,
        @NotNull Campaign campaign,
        @NotBlank @Size(max = 32) String unit,
        @NotNull Aggregation aggregation,
        @NotNull OverTime overTime,
        @NotNull Direction direction,
        @NotNull ReportingLevel reportedAt,
        @NotNull Frequency frequency,
        @Measure
                @Schema(
                        description =
                                "the lowest plausible value; left out, values below 0 are refused (an indicator that may fall below 0 says so with a negative validMin)")
                BigDecimal validMin,
        @Measure @Schema(description = "the highest plausible value; left out, no upper bound") BigDecimal validMax,
        @Size(max = 2000) String description,
        @Schema(description = "FLAG (default): outliers are accepted and flagged; REJECT: refused")
                OutlierPolicy outliers) {}
