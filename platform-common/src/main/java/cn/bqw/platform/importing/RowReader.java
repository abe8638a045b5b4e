package cn.bqw.platform.importing;

import cn.bqw.platform.api.DigestedBody;
import cn.bqw.platform.problem.Problem;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Streams the rows of a bulk import, one JSON object at a time, from a CSV file with a header row
 * or a JSON array: never the whole body in memory. CSV cells are text; empty cells are absent, and
 * the cells of {@code listColumns} hold {@code |}-separated lists. A body that cannot be read at all
 * is a 400 {@code malformed-request}.
 */
public final class RowReader implements Iterator<ObjectNode>, AutoCloseable, DigestedBody {

    private final Iterator<ObjectNode> rows;
    private final AutoCloseable source;
    private final boolean textCells;
    private final SpooledBody body;

    private RowReader(Iterator<ObjectNode> rows, AutoCloseable source, boolean textCells, SpooledBody body) {
        this.rows = rows;
        this.source = source;
        this.textCells = textCells;
        this.body = body;
    }

    /** SHA-256 of the whole body as sent: an Idempotency-Key is bound to it. */
    @Override
    public byte[] bodyDigest() {
        return body.digest();
    }

    /** True for CSV, whose cells are all text: a number or a flag is read from a cell's text. */
    public boolean textCells() {
        return textCells;
    }

    /** Rows of a CSV body in {@code charset} (UTF-8 unless the request's Content-Type says otherwise). */
    public static RowReader csv(InputStream sent, Charset charset, Set<String> listColumns, ObjectMapper json) {
        return opening(sent, body -> {
            MappingIterator<Map<String, String>> lines = new CsvMapper()
                    .readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(new DecodedText(body.open(), charset));
            Iterator<ObjectNode> rows = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return malformedIfFails(lines::hasNextValue);
                }

                @Override
                public ObjectNode next() {
                    Map<String, String> line = malformedIfFails(lines::nextValue);
                    ObjectNode row = json.createObjectNode();
                    line.forEach((column, cell) -> {
                        if (cell == null || cell.isEmpty()) {
                            return;
                        }
                        if (listColumns.contains(column)) {
                            ArrayNode items = row.putArray(column);
                            for (String item : cell.split("\\|")) {
                                items.add(item.trim());
                            }
                        } else {
                            row.put(column, cell);
                        }
                    });
                    return row;
                }
            };
            return new RowReader(rows, lines, true, body);
        });
    }

    public static RowReader jsonArray(InputStream sent, ObjectMapper json) {
        return opening(sent, body -> {
            JsonParser parser = json.getFactory().createParser(body.open());
            // Rows are read one by one from the open array, so the rest of the array follows each.
            ObjectReader rowReader = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "the body must be a JSON array of rows");
            }
            Iterator<ObjectNode> rows = new Iterator<>() {
                private JsonToken next = advance(parser);

                @Override
                public boolean hasNext() {
                    return next != null && next != JsonToken.END_ARRAY;
                }

                @Override
                public ObjectNode next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    JsonNode row = malformedIfFails(() -> rowReader.readTree(parser));
                    next = advance(parser);
                    if (row instanceof ObjectNode object) {
                        return object;
                    }
                    // Not an object: an empty row, which fails validation as every field is missing.
                    return json.createObjectNode();
                }
            };
            return new RowReader(rows, parser, false, body);
        });
    }

    private interface Opening {
        RowReader over(SpooledBody body) throws IOException;
    }

    /** Receives the body whole, then opens rows over it; a body whose rows cannot be opened is deleted at once. */
    private static RowReader opening(InputStream sent, Opening opening) {
        SpooledBody body = SpooledBody.receive(sent);
        try {
            return opening.over(body);
        } catch (IOException e) {
            body.close();
            throw malformed(e);
        } catch (RuntimeException e) {
            body.close();
            throw e;
        }
    }

    /** The next token; at the array's end, nothing may follow it. */
    private static JsonToken advance(JsonParser parser) {
        JsonToken token = malformedIfFails(parser::nextToken);
        if (token == JsonToken.END_ARRAY && malformedIfFails(parser::nextToken) != null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "nothing may follow the JSON array of rows");
        }
        return token;
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public ObjectNode next() {
        return rows.next();
    }

    @Override
    public void close() throws Exception {
        try {
            source.close();
        } finally {
            body.close();
        }
    }

    /** Closes, for a caller that can do nothing about a failure to (the request is over). */
    void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            // What is left is a temporary file the operating system cleans.
        }
    }

    private interface Reading<T> {
        T read() throws IOException;
    }

    private static <T> T malformedIfFails(Reading<T> reading) {
        try {
            return reading.read();
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw malformed(e);
        }
    }

    /** Names where reading stopped, so that the sender can find the broken line. */
    private static ProblemException malformed(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DecodedText.BrokenText broken) {
                return new ProblemException(
                        ProblemType.MALFORMED_REQUEST,
                        "the import body cannot be read: " + broken.getMessage(),
                        List.of(new Problem.FieldError("line " + broken.line, broken.getMessage())));
            }
        }
        String reason =
                e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
        JsonLocation location = e instanceof JsonProcessingException processing ? processing.getLocation() : null;
        if (location == null || location.getLineNr() < 1) {
            return new ProblemException(ProblemType.MALFORMED_REQUEST, "the import body cannot be read: " + reason);
        }
        String where = "line " + location.getLineNr();
        return new ProblemException(
                ProblemType.MALFORMED_REQUEST,
                "the import body cannot be read at " + where + ", column " + location.getColumnNr() + ": " + reason,
                List.of(new Problem.FieldError(where, reason)));
    }
}
