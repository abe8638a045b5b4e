package cn.bqw.platform.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A {@code timestamptz} cell of a native query as the driver hands it over, as an offset date-time (UTC). */
public final class Timestamps {

    private Timestamps() {}

    public static OffsetDateTime offsetDateTime(Object cell) {
        if (cell == null || cell instanceof OffsetDateTime) {
            return (OffsetDateTime) cell;
        }
        if (cell instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) cell).toInstant().atOffset(ZoneOffset.UTC);
    }
}
