package cn.bqw.indicator.observation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a write recorded: the observation's whole new state and the value it replaced (all {@code
 * replaced*} fields null when the key is new), so that a consumer can apply the difference. The
 * answer to a single write and the data of {@code bqw.observation.recorded.v1}.
 */
@Schema(
        example =
                "{\"indicator\":\"RURAL_TOILET\",\"region\":\"449901101201\",\"period\":\"2025-06\",\"area\":\"TOTAL\","
                        + "\"value\":3,\"numerator\":null,\"denominator\":null,\"weight\":null,\"outlier\":null,\"version\":2,"
                        + "\"recordedAt\":\"2025-07-02T08:00:00Z\",\"recordedBy\":\"editor-dongxian\",\"replacedValue\":2,"
                        + "\"replacedNumerator\":null,\"replacedDenominator\":null,\"replacedWeight\":null}")
public record ObservationRecorded(
        String indicator,
        String region,
        String period,
        Area area,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal weight,
        String outlier,
        long version,
        OffsetDateTime recordedAt,
        String recordedBy,
        BigDecimal replacedValue,
        BigDecimal replacedNumerator,
        BigDecimal replacedDenominator,
        BigDecimal replacedWeight) {

    static ObservationRecorded of(ObservationView now, ObservationView replaced) {
        return new ObservationRecorded(
                now.indicator(),
                now.region(),
                now.period(),
                now.area(),
                now.value(),
                now.numerator(),
                now.denominator(),
                now.weight(),
                now.outlier(),
                now.version(),
                now.recordedAt(),
                now.recordedBy(),
                replaced == null ? null : replaced.value(),
                replaced == null ? null : replaced.numerator(),
                replaced == null ? null : replaced.denominator(),
                replaced == null ? null : replaced.weight());
    }
}
