package cn.bqw.report.aggregate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** What report-service reads of {@code bqw.observation.recorded.v1}; other fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ObservationState(
        String indicator,
        String region,
        String period,
        String area,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal weight,
        long version,
        String recordedBy,
        OffsetDateTime recordedAt,
        BigDecimal replacedValue) {}
