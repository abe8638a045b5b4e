package cn.bqw.village.importing;

import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.importing.ImportSummary;
import cn.bqw.platform.importing.ImportTally;
import cn.bqw.platform.importing.RowReader;
import cn.bqw.platform.problem.JsonErrors;
import cn.bqw.platform.problem.Problem;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.security.RegionAccess;
import cn.bqw.village.registry.Village;
import cn.bqw.village.registry.VillageRequest;
import cn.bqw.village.registry.VillageService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports villages in bulk from a stream of rows, in one transaction, 500 rows at a time (each batch
 * flushed and cleared, so memory stays flat). A row that cannot be taken becomes a conflict and the
 * rest go on; {@code dryRun} answers the same summary and rolls everything back.
 */
@ApplicationScoped
public class VillageImport {

    static final int BATCH = 500;
    /** CSV cells of these columns hold {@code |}-separated lists. */
    public static final Set<String> LIST_COLUMNS = Set.of("belts", "pilots");

    @Inject
    VillageService villages;

    @Inject
    RegionAccess regionAccess;

    @Inject
    Validator validator;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionManager transactions;

    @Inject
    IdempotentRequests idempotentRequests;

    private record Row(long index, ObjectNode fields) {}

    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public ImportSummary run(RowReader rows, boolean dryRun, String idempotencyScope, String idempotencyKey)
            throws Exception {
        ImportTally tally = new ImportTally(dryRun);
        Set<String> townships = villages.townshipCodes();
        List<Row> batch = new ArrayList<>(BATCH);
        long index = 0;
        while (rows.hasNext()) {
            batch.add(new Row(++index, rows.next()));
            if (batch.size() == BATCH) {
                importBatch(batch, townships, tally);
                batch.clear();
            }
        }
        importBatch(batch, townships, tally);
        ImportSummary summary = tally.summary();
        if (dryRun) {
            transactions.setRollbackOnly();
        } else {
            idempotentRequests.remember(idempotencyScope, idempotencyKey, 200, json.writeValueAsString(summary));
        }
        return summary;
    }

    private void importBatch(List<Row> batch, Set<String> townships, ImportTally tally) {
        if (batch.isEmpty()) {
            return;
        }
        List<String> codes =
                batch.stream().map(row -> row.fields().path("code").asText("")).toList();
        Map<String, Village> existing = new HashMap<>();
        Village.<Village>list("code in ?1", codes).forEach(v -> existing.put(v.code, v));
        List<VillageService.Change> changes = new ArrayList<>(batch.size());
        for (Row row : batch) {
            try {
                DivisionCode code =
                        VillageService.villageCode(row.fields().path("code").asText(null));
                if (!regionAccess.mayWrite(code.value())) {
                    throw ProblemException.invalid("code", "outside the regions this token may write");
                }
                VillageService.Change change =
                        villages.save(code, existing.get(code.value()), request(row.fields()), townships::contains);
                if (change.effect() == VillageService.Effect.CREATED) {
                    existing.put(code.value(), Village.findById(code.value()));
                }
                changes.add(change);
                tally.count(
                        switch (change.effect()) {
                            case CREATED -> ImportTally.Outcome.IMPORTED;
                            case UPDATED -> ImportTally.Outcome.UPDATED;
                            case UNCHANGED -> ImportTally.Outcome.IGNORED;
                        });
            } catch (ProblemException e) {
                Problem.FieldError error =
                        e.errors().isEmpty() ? null : e.errors().get(0);
                tally.conflict(row.index(), error == null ? null : error.field(), e.getMessage());
            }
        }
        villages.record(changes);
        entityManager.flush();
        entityManager.clear();
    }

    /** The row's profile (all but its code), validated like a single PUT's body. */
    private VillageRequest request(ObjectNode fields) {
        ObjectNode profile = fields.deepCopy();
        profile.remove("code");
        VillageRequest request;
        try {
            request = json.treeToValue(profile, VillageRequest.class);
        } catch (JsonMappingException e) {
            throw ProblemException.invalid(e.getPath().isEmpty() ? "row" : JsonErrors.path(e), JsonErrors.describe(e));
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("row", "cannot be read: " + e.getOriginalMessage());
        }
        Set<ConstraintViolation<VillageRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            ConstraintViolation<VillageRequest> first = violations.stream()
                    .sorted((a, b) -> a.getPropertyPath()
                            .toString()
                            .compareTo(b.getPropertyPath().toString()))
                    .findFirst()
                    .orElseThrow();
            throw ProblemException.invalid(first.getPropertyPath().toString(), first.getMessage());
        }
        return request;
    }
}
