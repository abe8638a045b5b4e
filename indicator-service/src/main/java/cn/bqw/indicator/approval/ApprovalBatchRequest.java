package cn.bqw.indicator.approval;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One step for many units, taken in the order given (a county after its townships), all or none;
 * the reason goes with every unit (a return needs one).
 */
@Schema(
        example = "{\"units\":[{\"region\":\"990101101000\",\"period\":\"2025-10\",\"campaign\":\"RURAL\"},"
                + "{\"region\":\"990101102000\",\"period\":\"2025-10\",\"campaign\":\"RURAL\"}]}")
public record ApprovalBatchRequest(
        @NotNull @Size(min = 1, max = ApprovalBatchRequest.MAX_UNITS) List<@NotNull @Valid Unit> units,
        @Size(max = 2000) String reason) {

    /** Enough for every township of a province's month and campaign in one request. */
    public static final int MAX_UNITS = 5_000;

    /** A unit: its region, period and campaign, as in the single step's path. */
    public record Unit(@NotNull String region, @NotNull String period, @NotNull String campaign) {}
}
