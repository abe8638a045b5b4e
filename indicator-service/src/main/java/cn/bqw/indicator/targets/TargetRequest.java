package cn.bqw.indicator.targets;

import cn.bqw.platform.input.Measure;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A target's value, kind and optional baseline (the level the year started from). */
@Schema(example = "{\"value\":60,\"kind\":\"BINDING\",\"baseline\":48.5}")
public record TargetRequest(
        @NotNull @Measure BigDecimal value, @NotNull TargetKind kind, @Measure BigDecimal baseline) {}
