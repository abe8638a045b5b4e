package cn.bqw.report.operations;

import cn.bqw.report.aggregate.Contribution;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The aggregates recomputed from the projection's own facts, held against the stored ones: how many
 * rows differ, and the first of them ({@value DriftCheck#LISTED} at most) in key order within each
 * township.
 */
@Schema(
        example = "{\"checkedAt\":\"2025-11-28T10:00:00Z\",\"facts\":120345,\"aggregates\":98211,"
                + "\"differenceCount\":0,\"differences\":[],\"activeVillageDifferences\":[]}")
public record DriftReport(
        OffsetDateTime checkedAt,
        long facts,
        long aggregates,
        long differenceCount,
        List<Difference> differences,
        List<VillageCountDifference> activeVillageDifferences) {

    /** A division whose kept count of active villages differs from a count of the replica. */
    public record VillageCountDifference(String region, long expected, long stored) {}

    /** One aggregate row whose stored sums differ from the recomputed ones (NONE where a row is missing), in one view. */
    public record Difference(
            String indicator,
            int year,
            int month,
            String area,
            String region,
            String view,
            Contribution expected,
            Contribution stored) {}
}
