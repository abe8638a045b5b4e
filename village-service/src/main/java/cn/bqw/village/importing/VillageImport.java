package cn.bqw.village.importing;

import cn.bqw.platform.api.Change;
import cn.bqw.platform.api.WriteEffect;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.importing.BulkImporter;
import cn.bqw.platform.importing.ImportSummary;
import cn.bqw.platform.importing.ImportTally;
import cn.bqw.platform.importing.RowReader;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.security.RegionAccess;
import cn.bqw.village.registry.Village;
import cn.bqw.village.registry.VillageRequest;
import cn.bqw.village.registry.VillageService;
import cn.bqw.village.registry.VillageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports villages: each row a {@code code} and a profile, checked like a single PUT. New villages
 * are registered, changed ones updated (an import is the source of truth: no If-Match), unchanged
 * ones ignored.
 */
@ApplicationScoped
public class VillageImport {

    static final int BATCH = 500;

    @Inject
    BulkImporter importer;

    @Inject
    VillageService villages;

    @Inject
    RegionAccess regionAccess;

    public ImportSummary run(RowReader rows, boolean dryRun) throws Exception {
        Set<String> townships = villages.townshipCodes();
        return importer.run(
                rows, BATCH, (batch, tally) -> importBatch(batch, townships, tally), BulkImporter.Mode.dryRun(dryRun));
    }

    private void importBatch(List<BulkImporter.Row> batch, Set<String> townships, ImportTally tally) {
        Map<String, Village> existing = new HashMap<>();
        List<String> codes =
                batch.stream().map(row -> row.fields().path("code").asText("")).toList();
        Village.<Village>list("code in ?1", codes).forEach(v -> existing.put(v.code, v));
        List<Change<VillageView>> changes = new ArrayList<>(batch.size());
        BulkImporter.eachRow(batch, tally, row -> {
            DivisionCode code = VillageService.villageCode(row.text("code"));
            if (!regionAccess.mayWrite(code.value())) {
                throw ProblemException.invalid("code", RegionAccess.OUTSIDE.formatted(code.value()));
            }
            VillageRequest request = importer.bind(row, VillageRequest.class, "code");
            Change<VillageView> change = villages.save(code, existing.get(code.value()), request, townships::contains);
            if (change.effect() == WriteEffect.CREATED) {
                existing.put(code.value(), Village.findById(code.value()));
            }
            changes.add(change);
            return change.effect();
        });
        villages.record(changes);
    }
}
