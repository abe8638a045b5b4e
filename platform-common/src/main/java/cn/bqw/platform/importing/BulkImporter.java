package cn.bqw.platform.importing;

import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.api.WriteEffect;
import cn.bqw.platform.problem.JsonErrors;
import cn.bqw.platform.problem.Problem;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.annotation.PostConstruct;
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

    /**
     * One data row: its 1-based index, its fields, and whether those are all text (CSV cells), so
     * that numbers and flags are read from their text only there.
     */
    public record Row(long index, ObjectNode fields, boolean textCells) {

        public Row withFields(ObjectNode other) {
            return new Row(index, other, textCells);
        }

        /** A key field read before binding: absent is null; anything but a JSON string is refused. */
        public String text(String field) {
            JsonNode value = fields.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw ProblemException.invalid(field, "must be a string");
            }
            return value.asText();
        }
    }

    /** What an import does with each batch of rows. */
    public interface Batch {
        /** Takes each row or throws a {@link ProblemException} for it through {@link #eachRow}. */
        void apply(List<Row> rows, ImportTally tally);

        /**
         * Called once after the last batch, also when the import fails, before its transaction
         * ends: an import that writes in the background waits for its writes here.
         */
        default void settle() {}
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

    /** How an import treats its rows: {@code dryRun} stores nothing; {@code atomic} stores all or nothing. */
    public record Mode(boolean dryRun, boolean atomic) {

        public static Mode dryRun(boolean dryRun) {
            return new Mode(dryRun, false);
        }
    }

    /** The strict mapper, but scalars may come as text: every CSV cell is. */
    private ObjectMapper textCells;

    @PostConstruct
    void readTextCells() {
        textCells = json.copy().enable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            textCells.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        }
    }

    @Inject
    ImportConfig config;

    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public ImportSummary run(RowReader rows, int batchSize, Batch batch, Mode mode) throws Exception {
        boolean dryRun = mode.dryRun();
        ImportTally tally = new ImportTally(dryRun);
        List<Row> pending = new ArrayList<>(batchSize);
        long index = 0;
        try {
            while (rows.hasNext()) {
                if (index == config.maxRows()) {
                    throw new ProblemException(
                            ProblemType.PAYLOAD_TOO_LARGE,
                            "an import takes at most " + config.maxRows()
                                    + " rows a request; split it and send the parts");
                }
                pending.add(new Row(++index, rows.next(), rows.textCells()));
                if (pending.size() == batchSize) {
                    applyBatch(batch, pending, tally);
                }
            }
            applyBatch(batch, pending, tally);
        } catch (Throwable failure) {
            try {
                batch.settle();
            } catch (RuntimeException | Error alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
        batch.settle();
        ImportSummary summary = tally.summary();
        if (mode.atomic() && tally.hasConflicts()) {
            throw rejected(summary, index);
        }
        if (dryRun) {
            transactions.setRollbackOnly();
        } else {
            idempotentRequests.remember(200, json.writeValueAsString(summary));
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
                tally.conflict(row.index(), e);
            }
        }
    }

    /** An atomic import with conflicts: nothing is stored, and every conflict is named by its row. */
    private static ProblemException rejected(ImportSummary summary, long rows) {
        List<Problem.FieldError> errors = summary.conflicts().stream()
                .map(c -> new Problem.FieldError(
                        "[" + c.row() + "]" + (c.field() == null ? "" : "." + c.field()), c.reason()))
                .toList();
        return new ProblemException(
                ProblemType.IMPORT_REJECTED,
                errors.size() + " of " + rows + " rows cannot be taken, so none was stored (atomic=true)",
                errors);
    }

    /**
     * The row's fields but {@code omitted}, read as {@code type} and validated like a request body:
     * a JSON row as strictly as a single JSON body; a CSV row's cells as the text of the numbers
     * and flags they hold.
     */
    public <T> T bind(Row row, Class<T> type, String... omitted) {
        ObjectNode fields = row.fields();
        ObjectNode body = fields;
        if (omitted.length > 0) {
            body = fields.deepCopy();
            body.remove(List.of(omitted));
        }
        T value;
        try {
            value = (row.textCells() ? textCells : json).treeToValue(body, type);
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
