package cn.bqw.village.importing;

import cn.bqw.platform.api.Change;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.importing.BulkImporter;
import cn.bqw.platform.importing.ImportSummary;
import cn.bqw.platform.importing.ImportTally;
import cn.bqw.platform.importing.RowReader;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.security.RegionAccess;
import cn.bqw.village.division.Division;
import cn.bqw.village.division.DivisionRequest;
import cn.bqw.village.division.DivisionService;
import cn.bqw.village.division.DivisionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports cities, counties and townships: each row a division request. A row's parent must exist
 * already or come earlier in the same file. New divisions are registered, changed ones updated,
 * unchanged ones ignored.
 */
@ApplicationScoped
public class DivisionImport {

    static final int BATCH = 500;

    @Inject
    BulkImporter importer;

    @Inject
    DivisionService divisions;

    @Inject
    RegionAccess regionAccess;

    public ImportSummary run(RowReader rows, boolean dryRun) throws Exception {
        return importer.run(rows, BATCH, this::importBatch, BulkImporter.Mode.dryRun(dryRun));
    }

    private void importBatch(List<BulkImporter.Row> batch, ImportTally tally) {
        Map<String, Division> existing = new HashMap<>();
        List<String> codes =
                batch.stream().map(row -> row.fields().path("code").asText("")).toList();
        Division.<Division>list("code in ?1", codes).forEach(d -> existing.put(d.code, d));
        List<Change<DivisionView>> changes = new ArrayList<>(batch.size());
        BulkImporter.eachRow(batch, tally, row -> {
            DivisionCode code = DivisionService.divisionCode(row.text("code"));
            if (!regionAccess.mayDecide(code.value())) {
                throw ProblemException.invalid("code", RegionAccess.DECIDED_ABOVE.formatted(code.value()));
            }
            DivisionRequest request = importer.bind(row, DivisionRequest.class);
            Change<DivisionView> change = divisions.save(
                    code,
                    existing.get(code.value()),
                    request,
                    parent -> existing.containsKey(parent) || Division.findById(parent) != null);
            existing.put(code.value(), Division.findById(code.value()));
            changes.add(change);
            return change.effect();
        });
        divisions.record(changes);
    }
}
