package cn.bqw.report.operations;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the last drift check of this instance stands: {@code NONE} (none since start-up), {@code
 * RUNNING}, {@code DONE} with its report, or {@code FAILED} with the error it stopped at.
 */
@Schema(
        example = "{\"state\":\"DONE\",\"startedAt\":\"2025-11-28T10:00:00Z\",\"finishedAt\":\"2025-11-28T10:00:19Z\","
                + "\"report\":{\"checkedAt\":\"2025-11-28T10:00:19Z\",\"facts\":120345,\"aggregates\":98211,"
                + "\"differenceCount\":0,\"differences\":[],\"activeVillageDifferences\":[]},\"error\":null}")
public record DriftCheckStatus(
        State state, OffsetDateTime startedAt, OffsetDateTime finishedAt, DriftReport report, String error) {

    public enum State {
        NONE,
        RUNNING,
        DONE,
        FAILED
    }

    static final DriftCheckStatus NONE = new DriftCheckStatus(State.NONE, null, null, null, null);
}
