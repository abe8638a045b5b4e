package cn.bqw.task.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A task to register. {@code measure}: {@code INDICATOR} (with {@code indicator}: progress is the
 * region's figure against its target, which report-service follows), {@code QUANTITY} (with {@code
 * planned} and {@code unit}: the department reports the amount reached) or {@code PERCENT} (the
 * department reports 0–100). {@code parent}: the city task this county subtask is split from, with
 * {@code planned} its allocation (the subtasks' allocations may not exceed the parent's).
 */
public record TaskRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", message = "must be 1–64 letters, digits, _ . -")
                String code,
        @NotBlank @Size(max = 500) String title,
        @NotNull
                @Pattern(
                        regexp = "AGRI|RURAL|INCOME|REGION|REFORM|SERVICE",
                        message = "must be a campaign of the programme")
                String campaign,
        @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code") String region,
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", message = "must be a department code")
                String leadDepartment,
        @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") String> cooperating,
        @NotNull LocalDate startDate,
        @NotNull LocalDate dueDate,
        @NotNull @Pattern(regexp = "INDICATOR|QUANTITY|PERCENT", message = "must be INDICATOR, QUANTITY or PERCENT")
                String measure,
        @Size(max = 64) String indicator,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 4)
                BigDecimal planned,
        @Size(max = 64) String unit,
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", message = "must be a task code") String parent,
        @Size(max = 100) List<@NotNull @Valid MilestoneRequest> milestones) {

    /** A milestone: what is due by when. */
    public record MilestoneRequest(@NotBlank @Size(max = 500) String title, @NotNull LocalDate due) {}
}
