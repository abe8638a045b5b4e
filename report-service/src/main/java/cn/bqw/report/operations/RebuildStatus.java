package cn.bqw.report.operations;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the last rebuild stands: {@code NONE} (none since start-up), {@code REPLAYING}, {@code
 * SWITCHING}, {@code DONE} or {@code FAILED}; events applied from the topics and at what rate; the
 * error a failed one stopped at; the dead-lettered events passed over ({@code topic/event id}) when
 * the operator asked for that; the closed years restored from their copies, and how many of their
 * values and approval steps the replay passed over for that.
 */
@Schema(
        example = "{\"state\":\"DONE\",\"startedAt\":\"2025-11-28T09:30:00Z\",\"finishedAt\":\"2025-11-28T09:32:10Z\","
                + "\"events\":331907,\"skipped\":0,\"seconds\":130.2,\"eventsPerSecond\":2549,\"error\":null,"
                + "\"passedOver\":[],\"closedYears\":[2024],\"closedYearEvents\":152030}")
public record RebuildStatus(
        State state,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        long events,
        long skipped,
        double seconds,
        long eventsPerSecond,
        String error,
        List<String> passedOver,
        List<Integer> closedYears,
        long closedYearEvents) {

    public enum State {
        NONE,
        REPLAYING,
        SWITCHING,
        DONE,
        FAILED
    }

    static RebuildStatus none() {
        return new RebuildStatus(State.NONE, null, null, 0, 0, 0, 0, null, List.of(), List.of(), 0);
    }

    boolean running() {
        return state == State.REPLAYING || state == State.SWITCHING;
    }
}
