package cn.bqw.platform.importing;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a bulk import, after DHIS2's import summary: how many rows were imported (new),
 * updated (changed), ignored (unchanged), and every row that was not taken, with why.
 */
@Schema(
        example =
                "{\"dryRun\":false,\"imported\":29874,\"updated\":96,\"ignored\":27,\"conflicts\":[{\"row\":4,\"field\":\"category\",\"reason\":\"category: must be one of [DEMONSTRATION, RENOVATION, ORDINARY]\"}]}")
public record ImportSummary(boolean dryRun, int imported, int updated, int ignored, List<Conflict> conflicts) {

    /** A row not taken: its 1-based index among the data rows, the field at fault, the reason. */
    public record Conflict(long row, String field, String reason) {}
}
