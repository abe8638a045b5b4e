package cn.bqw.report.export;

import java.math.BigDecimal;
import java.util.List;

/**
 * A report view as a table for spreadsheets: a title, the line saying what it is as of, Chinese
 * column headers, and rows of cells. The CSV and XLSX exports both write this.
 */
public record Sheet(String title, String asOfLine, List<String> headers, List<List<Object>> rows) {

    /** A number and the unit it is in (亩, 公里, %…), for a number format that shows the unit. */
    public record Amount(BigDecimal value, String unit) {}

    /** A status, shown in Chinese and coloured in XLSX. */
    public record StatusCell(String status) {

        public String label() {
            return switch (status) {
                case "ACHIEVED" -> "已完成";
                case "ON_TRACK" -> "进度正常";
                case "AT_RISK" -> "有风险";
                case "OFF_TRACK" -> "滞后";
                case "NOT_ACHIEVED" -> "未达标";
                case "NO_TARGET" -> "无目标";
                case "NO_DATA" -> "无数据";
                default -> status;
            };
        }

        /** Fill colour (RGB hex) of the status in XLSX: the dashboard's colours. */
        public String colour() {
            return switch (status) {
                case "ACHIEVED" -> "2E7D32";
                case "ON_TRACK" -> "1565C0";
                case "AT_RISK" -> "F9A825";
                case "OFF_TRACK", "NOT_ACHIEVED" -> "C62828";
                default -> "9E9E9E";
            };
        }
    }
}
