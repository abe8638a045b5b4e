package cn.bqw.indicator.target;

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
        @NotNull BigDecimal value,
        @NotNull TargetKind kind,
        BigDecimal baseline) {

    TargetRequest request() {
        return new TargetRequest(value, kind, baseline);
    }
}
