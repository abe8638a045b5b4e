package cn.bqw.report.bulletin;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What differs now from an edition: each of the region's figures whose value or status moved, with
 * the revisions behind it (the values recorded in its subtree after publication), and each county
 * whose score or rank moved.
 */
@Schema(
        example =
                "{\"bulletin\":3,\"region\":\"990100000000\",\"asOf\":\"2025-06\",\"publishedAt\":\"2025-07-05T02:00:00Z\",\"figures\":[{\"indicator\":\"RURAL_TOILET\",\"nameZh\":\"新建农村公厕\",\"region\":\"990100000000\",\"published\":1203,\"current\":1231,\"statusThen\":\"ON_TRACK\",\"statusNow\":\"ON_TRACK\",\"revisions\":[{\"region\":\"990101101203\",\"period\":\"2025-05\",\"area\":\"TOTAL\",\"value\":31,\"replacedValue\":3,\"version\":2,\"recordedBy\":\"editor-dongxian\",\"recordedAt\":\"2025-07-09T03:12:00Z\"}]}],\"counties\":[]}")
public record BulletinChanges(
        long bulletin,
        String region,
        String asOf,
        OffsetDateTime publishedAt,
        List<Figure> figures,
        List<County> counties) {

    /** One of the region's figures, then and now. */
    public record Figure(
            String indicator,
            String nameZh,
            String region,
            BigDecimal published,
            BigDecimal current,
            String statusThen,
            String statusNow,
            List<Revision> revisions) {}

    /** A value recorded after publication in the region's subtree: its current version. */
    public record Revision(
            String region,
            String period,
            String area,
            BigDecimal value,
            BigDecimal replacedValue,
            long version,
            String recordedBy,
            OffsetDateTime recordedAt) {}

    /** A county of the edition's ranking whose score or rank moved. */
    public record County(
            String region,
            String nameZh,
            BigDecimal scoreThen,
            BigDecimal scoreNow,
            Integer rankThen,
            Integer rankNow) {}
}
