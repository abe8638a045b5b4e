package cn.bqw.indicator.targets;

import cn.bqw.platform.input.Measure;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** One row of a bulk target import: the key and the target. */
public record TargetRow(
        @NotBlank String indicator,
        @NotBlank String region,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotNull @Measure BigDecimal value,
        @NotNull TargetKind kind,
        @Measure BigDecimal baseline) {

    TargetRequest request() {
        return new TargetRequest(value, kind, baseline);
    }
}
