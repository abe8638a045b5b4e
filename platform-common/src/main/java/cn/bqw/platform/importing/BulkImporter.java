package cn.bqw.platform.importing;

import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.api.WriteEffect;
import cn.bqw.platform.problem.JsonErrors;
import cn.bqw.platform.problem.Problem;
import cn.bqw.platform.problem.ProblemException;
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
import java.util.Comparator;
import java.util.List;

/**
 * Runs a bulk import: one transaction over the whole stream, rows handed to the importer in
 * batches (after each, the persistence context is flushed and cleared, so memory stays flat). A
 * row the importer refuses with a {@link ProblemException} becomes a conflict and the rest go on;
 * {@code dryRun} answers the same summary and rolls everything back; a real run remembers its
 * summary under the request's Idempotency-Key in the same transaction.
 */
@ApplicationScoped
public class BulkImporter {

    /** One data row: its 1-based index and its fields. */
    public record Row(long index, ObjectNode fields) {}

    /** What an import does with each batch of rows. */
    public interface Batch {
        /** Takes each row or throws a {@link ProblemException} for it through {@link #eachRow}. */
        void apply(List<Row> rows, ImportTally tally);
    }

    /** Takes one row, or refuses it with a {@link ProblemException}. */
    public interface RowHandler {
        WriteEffect take(Row row);
    }

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionManager transactions;

    @Inject
    IdempotentRequests idempotentRequests;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public ImportSummary run(
            RowReader rows, int batchSize, Batch batch, boolean dryRun, String idempotencyScope, String idempotencyKey)
            throws Exception {
        ImportTally tally = new ImportTally(dryRun);
        List<Row> pending = new ArrayList<>(batchSize);
        long index = 0;
        while (rows.hasNext()) {
            pending.add(new Row(++index, rows.next()));
            if (pending.size() == batchSize) {
                applyBatch(batch, pending, tally);
            }
        }
        applyBatch(batch, pending, tally);
        ImportSummary summary = tally.summary();
        if (dryRun) {
            transactions.setRollbackOnly();
        } else {
            idempotentRequests.remember(idempotencyScope, idempotencyKey, 200, json.writeValueAsString(summary));
        }
        return summary;
    }

    private void applyBatch(Batch batch, List<Row> rows, ImportTally tally) {
        if (rows.isEmpty()) {
            return;
        }
        batch.apply(rows, tally);
        entityManager.flush();
        entityManager.clear();
        rows.clear();
    }

    /** Applies {@code handler} to each row, counting what it did or the conflict it raised. */
    public static void eachRow(List<Row> rows, ImportTally tally, RowHandler handler) {
        for (Row row : rows) {
            try {
                tally.count(handler.take(row));
            } catch (ProblemException e) {
                Problem.FieldError error =
                        e.errors().isEmpty() ? null : e.errors().get(0);
                tally.conflict(row.index(), error == null ? null : error.field(), e.getMessage());
            }
        }
    }

    /** The row's fields but {@code omitted}, read as {@code type} and validated like a request body. */
    public <T> T bind(ObjectNode fields, Class<T> type, String... omitted) {
        ObjectNode body = fields.deepCopy();
        body.remove(List.of(omitted));
        T value;
        try {
            value = json.treeToValue(body, type);
        } catch (JsonMappingException e) {
            throw ProblemException.invalid(e.getPath().isEmpty() ? "row" : JsonErrors.path(e), JsonErrors.describe(e));
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("row", "cannot be read: " + e.getOriginalMessage());
        }
        validator.validate(value).stream()
                .min(Comparator.comparing(
                        (ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    throw ProblemException.invalid(v.getPropertyPath().toString(), v.getMessage());
                });
        return value;
    }
}
