package cn.bqw.indicator.catalogue;

import cn.bqw.platform.api.Change;
import cn.bqw.platform.audit.AdminActs;
import cn.bqw.platform.audit.ChangeRecorder;
import cn.bqw.platform.importing.BulkImporter;
import cn.bqw.platform.importing.ImportSummary;
import cn.bqw.platform.importing.ImportTally;
import cn.bqw.platform.importing.RowReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports the catalogue in the programme's reference format ({@code indicators.csv}: snake_case
 * columns), or rows in the API's own camelCase. The reference file's target columns
 * ({@code city_target_2025}, {@code target_rule}, {@code figure_in_programme_text}) describe
 * targets, which are imported with the targets, so they are passed over here.
 */
@ApplicationScoped
public class CatalogueImport {

    static final int BATCH = 200;
    static final Map<String, String> REFERENCE_COLUMNS = Map.of(
            "name_zh", "nameZh",
            "name_en", "nameEn",
            "over_time", "overTime",
            "reported_at", "reportedAt",
            "valid_min", "validMin",
            "valid_max", "validMax");
    static final Set<String> TARGET_COLUMNS = Set.of("city_target_2025", "target_rule", "figure_in_programme_text");

    @Inject
    AdminActs acts;

    @Inject
    BulkImporter importer;

    @Inject
    IndicatorService indicators;

    @Inject
    ChangeRecorder recorder;

    public ImportSummary run(RowReader rows, boolean dryRun) throws Exception {
        ImportSummary summary = importer.run(rows, BATCH, this::importBatch, BulkImporter.Mode.dryRun(dryRun));
        acts.record(
                "catalogue.import",
                null,
                java.util.Map.of("dryRun", dryRun),
                "%d imported, %d updated, %d unchanged, %d conflicts%s"
                        .formatted(
                                summary.imported(),
                                summary.updated(),
                                summary.ignored(),
                                summary.conflicts().size(),
                                dryRun ? " (dry run: nothing stored)" : ""));
        return summary;
    }

    private void importBatch(List<BulkImporter.Row> batch, ImportTally tally) {
        List<Change<IndicatorView>> changes = new ArrayList<>(batch.size());
        BulkImporter.eachRow(batch, tally, row -> {
            ObjectNode fields = inApiNames(row.fields());
            String code = row.withFields(fields).text("code");
            IndicatorRequest request = importer.bind(row.withFields(fields), IndicatorRequest.class, "code");
            // The persistence context answers for rows earlier in the batch; the catalogue is small.
            Indicator current = code == null ? null : Indicator.findById(code);
            Change<IndicatorView> change = indicators.save(code, current, request);
            changes.add(change);
            return change.effect();
        });
        recorder.record(IndicatorService.KIND, changes);
    }

    private static ObjectNode inApiNames(ObjectNode row) {
        ObjectNode fields = row.deepCopy();
        fields.remove(TARGET_COLUMNS);
        REFERENCE_COLUMNS.forEach((reference, api) -> {
            if (fields.has(reference)) {
                fields.set(api, fields.remove(reference));
            }
        });
        return fields;
    }
}
