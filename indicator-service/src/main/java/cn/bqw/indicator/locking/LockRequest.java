package cn.bqw.indicator.locking;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Closes {@code period} (and the periods within it) for {@code indicators} (empty or absent: all) under {@code region}. */
@Schema(
        example =
                "{\"indicators\":[\"RURAL_TOILET\",\"RURAL_SEWAGE_RATE\"],\"period\":\"2025Q2\",\"region\":\"449901000000\"}")
public record LockRequest(List<@NotBlank String> indicators, @NotBlank String period, @NotBlank String region) {}
