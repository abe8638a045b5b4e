package cn.bqw.platform.importing;

import java.util.List;

/**
 * The answer to a bulk import, after DHIS2's import summary: how many rows were imported (new),
 * updated (changed), ignored (unchanged), and every row that was not taken, with why.
 */
public record ImportSummary(boolean dryRun, int imported, int updated, int ignored, List<Conflict> conflicts) {

    /** A row not taken: its 1-based index among the data rows, the field at fault, the reason. */
    public record Conflict(long row, String field, String reason) {}
}
