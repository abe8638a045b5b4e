package cn.bqw.platform.importing;

import cn.bqw.platform.api.WriteEffect;
import cn.bqw.platform.problem.Problem;
import cn.bqw.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Counts an import's outcome as its rows go by. */
public final class ImportTally {

    private final boolean dryRun;
    private int imported;
    private int updated;
    private int ignored;
    private final List<ImportSummary.Conflict> conflicts = new ArrayList<>();

    public ImportTally(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** A new aggregate counts as imported, a changed one as updated, an unchanged one as ignored. */
    public void count(WriteEffect effect) {
        switch (effect) {
            case CREATED -> imported++;
            case UPDATED -> updated++;
            case UNCHANGED -> ignored++;
        }
    }

    public void conflict(long row, String field, String reason) {
        conflicts.add(new ImportSummary.Conflict(row, field, reason));
    }

    /** A row refused with a problem: its first offending field, and the problem's detail. */
    public void conflict(long row, ProblemException refusal) {
        Problem.FieldError error =
                refusal.errors().isEmpty() ? null : refusal.errors().get(0);
        conflict(row, error == null ? null : error.field(), refusal.getMessage());
    }

    public boolean hasConflicts() {
        return !conflicts.isEmpty();
    }

    public ImportSummary summary() {
        List<ImportSummary.Conflict> byRow = new ArrayList<>(conflicts);
        byRow.sort(Comparator.comparingLong(ImportSummary.Conflict::row));
        return new ImportSummary(dryRun, imported, updated, ignored, List.copyOf(byRow));
    }
}
