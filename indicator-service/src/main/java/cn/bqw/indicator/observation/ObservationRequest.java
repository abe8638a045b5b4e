package cn.bqw.indicator.observation;

import cn.bqw.platform.input.Measure;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A value as a data-entry app or another system posts it. {@code area} defaults to TOTAL. A
 * {@code RATIO} indicator takes {@code numerator} and {@code denominator} and its value is {@code
 * 100 × numerator / denominator}; {@code weight} overrides the region's population in a weighted
 * mean.
 */
@Schema(
        example =
                "{\"indicator\":\"RURAL_TOILET\",\"region\":\"449901101201\",\"period\":\"2025-06\",\"area\":\"TOTAL\","
                        + "\"value\":3}")
public record ObservationRequest(
        @NotBlank @Size(max = 64) String indicator,
        @NotBlank @Size(max = 12) String region,
        @NotBlank @Size(max = 7) String period,
        Area area,
        @Measure BigDecimal value,
        @Measure BigDecimal numerator,
        @Measure BigDecimal denominator,
        @Positive @Measure BigDecimal weight) {}
