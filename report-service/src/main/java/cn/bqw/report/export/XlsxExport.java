package cn.bqw.report.export;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Any report view as an Excel workbook: the title and its as-of line on top, a frozen header row
 * in Chinese, numbers as numbers with their unit in the cell's format, statuses in Chinese on
 * their dashboard colour.
 */
@Provider
@Produces(XlsxExport.MEDIA_TYPE)
public class XlsxExport extends SheetWriter {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows above the data: title, as-of line, header. */
    static final int HEADER_ROWS = 3;

    @Override
    void write(Sheet sheet, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Disposition", Downloads.attachment(sheet, "xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            new Writer(workbook).write(sheet);
            workbook.write(out);
        }
    }

    private static final class Writer {
        private final XSSFWorkbook workbook;
        private final XSSFSheet target;
        private final Map<String, CellStyle> styles = new HashMap<>();

        Writer(XSSFWorkbook workbook) {
            this.workbook = workbook;
            this.target = workbook.createSheet("report");
        }

        void write(Sheet sheet) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle title = workbook.createCellStyle();
            title.setFont(bold);
            target.createRow(0).createCell(0).setCellValue(sheet.title());
            target.getRow(0).getCell(0).setCellStyle(title);
            target.createRow(1).createCell(0).setCellValue(sheet.asOfLine());
            XSSFCellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(colour("E0E0E0"));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            Row headerRow = target.createRow(2);
            for (int c = 0; c < sheet.headers().size(); c++) {
                Cell cell = headerRow.createCell(c);
                cell.setCellValue(sheet.headers().get(c));
                cell.setCellStyle(header);
                target.setColumnWidth(c, 16 * 256);
            }
            target.createFreezePane(0, HEADER_ROWS);
            for (int r = 0; r < sheet.rows().size(); r++) {
                List<Object> cells = sheet.rows().get(r);
                Row row = target.createRow(HEADER_ROWS + r);
                for (int c = 0; c < cells.size(); c++) {
                    write(row.createCell(c), cells.get(c));
                }
            }
        }

        private void write(Cell cell, Object value) {
            if (value instanceof Sheet.Amount amount) {
                if (amount.value() != null) {
                    cell.setCellValue(amount.value().doubleValue());
                    cell.setCellStyle(number(amount.unit()));
                }
            } else if (value instanceof Sheet.Ratio ratio) {
                if (ratio.value() != null) {
                    cell.setCellValue(ratio.value().doubleValue());
                    cell.setCellStyle(percent());
                }
            } else if (value instanceof BigDecimal number) {
                cell.setCellValue(number.doubleValue());
                cell.setCellStyle(number(""));
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Sheet.StatusCell status) {
                cell.setCellValue(status.label());
                cell.setCellStyle(status(status));
            } else if (value != null) {
                cell.setCellValue(value.toString());
            }
        }

        /**
         * {@code #,##0" 亩"}, {@code #,##0.0" %"}: the exact number in the cell, shown with its unit's
         * decimals and Chinese unit after it. A bare number ({@code ""}) keeps up to four decimals.
         */
        private CellStyle number(String unit) {
            return styles.computeIfAbsent("n:" + unit, k -> {
                CellStyle style = workbook.createCellStyle();
                String shown =
                        unit == null || unit.isEmpty() ? "" : Labels.unit(unit).replace("\"", "");
                String suffix = shown.isEmpty() ? "" : "\" " + shown + "\"";
                String digits = "".equals(unit)
                        ? "#,##0.####"
                        : Labels.decimals(unit) == 0 ? "#,##0" : "#,##0." + "0".repeat(Labels.decimals(unit));
                style.setDataFormat(workbook.createDataFormat().getFormat(digits + suffix));
                return style;
            });
        }

        /** A ratio as a percentage with one decimal ({@code 0.9167} shows 91.7%). */
        private CellStyle percent() {
            return styles.computeIfAbsent("ratio", k -> {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
                return style;
            });
        }

        private CellStyle status(Sheet.StatusCell status) {
            return styles.computeIfAbsent("s:" + status.status(), k -> {
                XSSFCellStyle style = workbook.createCellStyle();
                style.setFillForegroundColor(colour(status.colour()));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                Font white = workbook.createFont();
                white.setColor(org.apache.poi.ss.usermodel.IndexedColors.WHITE.getIndex());
                style.setFont(white);
                return style;
            });
        }

        private static XSSFColor colour(String rgb) {
            return new XSSFColor(HexFormat.of().parseHex(rgb));
        }
    }
}
