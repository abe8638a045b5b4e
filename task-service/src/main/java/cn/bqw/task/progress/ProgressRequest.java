package cn.bqw.task.progress;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A lead department's progress on a task as of a day: a note, what it has reached (the quantity,
 * or the percentage 0–100; an INDICATOR task's figure comes from report-service, so none), evidence
 * (URLs or document numbers) and the milestones done. Reported again for the same day, it is a
 * revision: a new version, the old one kept.
 */
public record ProgressRequest(
        @NotNull LocalDate reportedOn,
        @NotBlank @Size(max = 4000) String note,
        @DecimalMin("0") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 4) BigDecimal reached,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> evidence,
        @Size(max = 100) List<@NotNull @Min(1) @Max(100) Integer> doneMilestones) {}
