package cn.bqw.indicator.locking;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A period lock as the API shows it. */
@Schema(
        example = "{\"id\":7,\"indicators\":[\"RURAL_TOILET\"],\"period\":\"2025Q2\",\"region\":\"449901000000\","
                + "\"lockedBy\":\"admin\",\"lockedAt\":\"2025-07-10T09:00:00Z\"}")
public record LockView(
        long id, List<String> indicators, String period, String region, String lockedBy, OffsetDateTime lockedAt) {

    static LockView of(PeriodLock lock) {
        return new LockView(
                lock.id, List.of(lock.indicators), lock.period, lock.regionCode, lock.lockedBy, lock.lockedAt);
    }
}
