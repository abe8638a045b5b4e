package cn.bqw.report.bulletin;

import cn.bqw.report.export.Labels;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** A bulletin as a printable A4 page: title, number and date, the tables, the digest in the footer. */
final class BulletinPage {

    private BulletinPage() {}

    static String html(BulletinView bulletin) {
        StringBuilder page = new StringBuilder(
                """
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>
                <style>@page{size:A4;margin:20mm}body{font-family:"Noto Serif CJK SC","SimSun",serif;font-size:11pt}
                h1{text-align:center;font-size:18pt;color:#b00}p.meta{text-align:center}table{width:100%%;border-collapse:collapse;margin:8pt 0}
                th,td{border:1px solid #444;padding:2pt 4pt;text-align:right}th:first-child,td:first-child{text-align:left}
                footer{margin-top:16pt;font-size:8pt;color:#555;word-break:break-all}</style></head><body>
                <h1>%s</h1><p class="meta">截至 %s · %s 发布%s</p>
                """
                        .formatted(
                                escape(bulletin.title()),
                                escape(bulletin.title()),
                                escape(bulletin.asOf()),
                                escape(bulletin.publishedAt().toLocalDate().toString()),
                                bulletin.corrects() == null ? "" : " · 更正第 " + bulletin.corrects() + " 号"));
        for (JsonNode campaign : bulletin.content().path("report").path("campaigns")) {
            page.append("<h2>")
                    .append(escape(
                            Labels.zh("campaigns", campaign.path("campaign").asText())))
                    .append("</h2><table><tr><th>指标</th><th>单位</th><th>完成</th><th>目标</th><th>进度</th><th>状态</th></tr>");
            for (JsonNode indicator : campaign.path("indicators")) {
                JsonNode assessment = indicator.path("assessment");
                String unit = indicator.path("unit").asText();
                page.append("<tr><td>")
                        .append(escape(indicator.path("nameZh").asText()))
                        .append("</td><td>")
                        .append(escape(Labels.unit(unit)))
                        .append("</td><td>")
                        .append(figure(assessment.path("actual"), unit))
                        .append("</td><td>")
                        .append(figure(assessment.path("target"), unit))
                        .append("</td><td>")
                        .append(percentage(assessment.path("progress")))
                        .append("</td><td>")
                        .append(escape(
                                Labels.zh("statuses", assessment.path("status").asText(""))))
                        .append("</td></tr>");
            }
            page.append("</table>");
        }
        JsonNode counties = bulletin.content().path("rankings").path("counties");
        if (counties.size() > 0) {
            page.append("<h2>县区排名</h2><table><tr><th>县区</th><th>综合得分</th><th>排名</th></tr>");
            for (JsonNode county : counties) {
                page.append("<tr><td>")
                        .append(escape(county.path("nameZh").asText()))
                        .append("</td><td>")
                        .append(figure(county.path("score"), Labels.SCORE))
                        .append("</td><td>")
                        .append(county.path("rank").asInt())
                        .append("</td></tr>");
            }
            page.append("</table>");
        }
        return page.append("<footer>SHA-256 ")
                .append(bulletin.sha256())
                .append(" · 编号 ")
                .append(bulletin.id())
                .append(" · 发布人 ")
                .append(escape(bulletin.publishedBy()))
                .append("</footer></body></html>")
                .toString();
    }

    /** A figure as the dashboard writes it: its unit's decimals, thousands grouped. */
    private static String figure(JsonNode number, String unit) {
        if (!number.isNumber()) {
            return "—";
        }
        BigDecimal rounded = Labels.rounded(number.decimalValue(), unit);
        NumberFormat grouped = NumberFormat.getNumberInstance(Locale.CHINA);
        grouped.setMinimumFractionDigits(rounded.scale());
        grouped.setMaximumFractionDigits(rounded.scale());
        return grouped.format(rounded);
    }

    /** A ratio (progress) as a percentage with one decimal. */
    private static String percentage(JsonNode ratio) {
        return ratio.isNumber() ? Labels.percentage(ratio.decimalValue()) + "%" : "—";
    }

    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;")
                        .replace("'", "&#39;");
    }
}
