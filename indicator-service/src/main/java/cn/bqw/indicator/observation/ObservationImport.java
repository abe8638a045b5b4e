package cn.bqw.indicator.observation;

import cn.bqw.indicator.locking.LockService;
import cn.bqw.platform.importing.BulkImporter;
import cn.bqw.platform.importing.ImportSummary;
import cn.bqw.platform.importing.ImportTally;
import cn.bqw.platform.importing.RowReader;
import cn.bqw.platform.problem.ProblemException;
import io.smallrye.context.api.ManagedExecutorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * Imports values in bulk: each row checked like a single post; rows that pass go to the writer a
 * batch at a time; the summary names every row that did not, with why.
 */
@ApplicationScoped
public class ObservationImport {

    static final int BATCH = 1000;

    @Inject
    BulkImporter importer;

    @Inject
    ObservationService observations;

    @Inject
    ObservationWriter writer;

    @Inject
    LockService locks;

    /** The threads that send an import's batches: Quarkus's, with no context of the importing request. */
    @Inject
    @ManagedExecutorConfig(
            propagated = {},
            cleared = ThreadContext.ALL_REMAINING)
    ManagedExecutor senders;

    public ImportSummary run(RowReader rows, BulkImporter.Mode mode) throws Exception {
        ObservationRules rules = observations.rules();
        ObservationWriter.Basis basis = ObservationWriter.Basis.forImport(locks.inForce(), senders);
        return importer.run(
                rows,
                BATCH,
                new BulkImporter.Batch() {
                    @Override
                    public void apply(List<BulkImporter.Row> batch, ImportTally tally) {
                        importBatch(batch, rules, basis, tally);
                    }

                    @Override
                    public void settle() {
                        basis.settle();
                    }
                },
                mode);
    }

    private void importBatch(
            List<BulkImporter.Row> batch, ObservationRules rules, ObservationWriter.Basis basis, ImportTally tally) {
        List<Candidate> candidates = new ArrayList<>(batch.size());
        List<Long> rowsOf = new ArrayList<>(batch.size());
        for (BulkImporter.Row row : batch) {
            try {
                candidates.add(rules.check(importer.bind(row, ObservationRequest.class)));
                rowsOf.add(row.index());
            } catch (ProblemException e) {
                tally.conflict(row.index(), e);
            }
        }
        List<ObservationWriter.Outcome> outcomes = writer.write(candidates, basis);
        for (int i = 0; i < outcomes.size(); i++) {
            ObservationWriter.Outcome outcome = outcomes.get(i);
            if (outcome.refusal() != null) {
                tally.conflict(rowsOf.get(i), outcome.refusal());
            } else {
                tally.count(outcome.effect());
            }
        }
    }
}
