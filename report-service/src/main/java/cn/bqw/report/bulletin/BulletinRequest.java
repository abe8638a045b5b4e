package cn.bqw.report.bulletin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What to publish: the region, the year and the as-of month or quarter (default: the latest with
 * values), the view ({@code all}, the default: figures as reported; {@code official}: only approved
 * values, what assessments rank on), and the edition it corrects.
 */
@Schema(example = "{\"region\":\"990100000000\",\"year\":2025,\"asOf\":\"2025-10\"}")
public record BulletinRequest(
        @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code") String region,
        @NotNull @Min(2000) @Max(2100) Integer year,
        String asOf,
        @Pattern(regexp = "all|official", message = "must be all or official") String view,
        @Min(1) Long corrects) {}
