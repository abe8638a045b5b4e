package cn.bqw.indicator.targets;

import cn.bqw.platform.api.Change;
import cn.bqw.platform.importing.BulkImporter;
import cn.bqw.platform.importing.ImportSummary;
import cn.bqw.platform.importing.ImportTally;
import cn.bqw.platform.importing.RowReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Sets targets in bulk: each row an indicator, region, year and target, checked like a single PUT. */
@ApplicationScoped
public class TargetImport {

    static final int BATCH = 500;

    @Inject
    BulkImporter importer;

    @Inject
    TargetService targets;

    public ImportSummary run(RowReader rows, BulkImporter.Mode mode) throws Exception {
        return importer.run(rows, BATCH, this::importBatch, mode);
    }

    private void importBatch(List<BulkImporter.Row> batch, ImportTally tally) {
        List<Change<TargetView>> changes = new ArrayList<>(batch.size());
        BulkImporter.eachRow(batch, tally, row -> {
            TargetRow target = importer.bind(row, TargetRow.class);
            // The persistence context answers for rows earlier in the batch.
            Target existing = Target.findById(new Target.Key(target.indicator(), target.year(), target.region()));
            Change<TargetView> change =
                    targets.save(target.indicator(), target.region(), target.year(), existing, target.request());
            changes.add(change);
            return change.effect();
        });
        targets.record(changes);
    }
}
