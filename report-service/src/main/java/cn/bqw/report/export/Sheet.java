package cn.bqw.report.export;

import java.math.BigDecimal;
import java.util.List;

/**
 * A report view as a table for spreadsheets: a title, the line saying what it is as of, Chinese
 * column headers, and rows of cells. The CSV and XLSX exports both write this.
 */
public record Sheet(String title, String asOfLine, List<String> headers, List<List<Object>> rows) {

    /**
     * A number and the unit it is in ({@code mu}, {@code km}, {@code percent}, or {@link Labels#SCORE}): XLSX
     * keeps the exact number with a format of the unit's decimals and Chinese unit, CSV writes it rounded.
     */
    public record Amount(BigDecimal value, String unit) {}

    /** A status, shown in Chinese and coloured in XLSX. */
    public record StatusCell(String status) {

        public String label() {
            return Labels.zh("statuses", status);
        }

        /** Fill colour (RGB hex) of the status in XLSX: the dashboard's colours. */
        public String colour() {
            return Labels.colour(status);
        }
    }

    /** A ratio (progress, expected pace) shown as a percentage with one decimal; the cell keeps the ratio. */
    public record Ratio(BigDecimal value) {}
}
