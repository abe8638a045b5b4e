package cn.bqw.indicator.observation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The current value of one observation key; {@code outlier} says why it looks far off, when it does. */
@Schema(
        example =
                "{\"indicator\":\"RURAL_TOILET\",\"region\":\"449901101201\",\"period\":\"2025-06\",\"area\":\"TOTAL\","
                        + "\"value\":3,\"numerator\":null,\"denominator\":null,\"weight\":null,\"outlier\":null,\"version\":2,"
                        + "\"recordedAt\":\"2025-07-02T08:00:00Z\",\"recordedBy\":\"editor-dongxian\"}")
public record ObservationView(
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
        String recordedBy) {

    /** The key of the value itself, under which its history is kept. */
    Candidate.ValueKey key() {
        return new Candidate.ValueKey(indicator, region, period, area);
    }
}
