package cn.bqw.platform.importing;

import java.util.ArrayList;
import java.util.List;

/** Counts an import's outcome as its rows go by. */
public final class ImportTally {

    /** What became of one row. */
    public enum Outcome {
        IMPORTED,
        UPDATED,
        IGNORED
    }

    private final boolean dryRun;
    private int imported;
    private int updated;
    private int ignored;
    private final List<ImportSummary.Conflict> conflicts = new ArrayList<>();

    public ImportTally(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public void count(Outcome outcome) {
        switch (outcome) {
            case IMPORTED -> imported++;
            case UPDATED -> updated++;
            case IGNORED -> ignored++;
        }
    }

    public void conflict(long row, String field, String reason) {
        conflicts.add(new ImportSummary.Conflict(row, field, reason));
    }

    public boolean hasConflicts() {
        return !conflicts.isEmpty();
    }

    public ImportSummary summary() {
        return new ImportSummary(dryRun, imported, updated, ignored, List.copyOf(conflicts));
    }
}
