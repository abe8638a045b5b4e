package cn.bqw.report.export;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Any report view as {@code text/csv}: UTF-8 with a byte-order mark (so that Excel reads the
 * Chinese), a first line with the title and what it is as of, the Chinese header, then the rows;
 * figures as people write them (rounded to their unit's decimals, no thousands separators), names
 * in Chinese. The JSON of the same report keeps every number exact.
 */
@Provider
@Produces(CsvExport.MEDIA_TYPE)
public class CsvExport extends SheetWriter {

    public static final String MEDIA_TYPE = "text/csv";

    @Override
    void write(Sheet sheet, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Type", "text/csv; charset=UTF-8");
        headers.putSingle("Content-Disposition", Downloads.attachment(sheet, "csv"));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        line(writer, List.of(sheet.title(), sheet.asOfLine()));
        line(writer, List.copyOf(sheet.headers()));
        for (List<Object> row : sheet.rows()) {
            line(writer, row);
        }
        writer.flush();
    }

    private static void line(Writer writer, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quoted(text(cells.get(i))));
        }
        writer.write("\r\n");
    }

    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Sheet.Amount amount) {
            return amount.value() == null
                    ? ""
                    : Labels.rounded(amount.value(), amount.unit()).toPlainString();
        }
        if (cell instanceof Sheet.Ratio ratio) {
            return ratio.value() == null ? "" : Labels.percentage(ratio.value()).toPlainString();
        }
        if (cell instanceof Sheet.StatusCell status) {
            return status.label();
        }
        if (cell instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return neutralised(cell.toString());
    }

    /**
     * Text a spreadsheet will not run as a formula (OWASP's CSV injection advice): control
     * characters removed, and a cell starting with =, +, -, @, tab or carriage return prefixed with
     * an apostrophe. Numbers are written by {@link #text} before this and stay numbers.
     */
    static String neutralised(String text) {
        boolean formula = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
        String clean = text.replaceAll("\\p{Cc}", "");
        return formula ? "'" + clean : clean;
    }

    private static String quoted(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
