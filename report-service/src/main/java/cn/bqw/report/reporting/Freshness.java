package cn.bqw.report.reporting;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How current a report is: when the newest applied observation was recorded, when it was applied,
 * and how many events are still waiting to be applied (null when Kafka cannot be asked).
 */
@Schema(
        example = "{\"lastEventAt\":\"2025-11-28T09:30:00.120Z\",\"appliedAt\":\"2025-11-28T09:30:00.310Z\","
                + "\"pendingEvents\":0}")
public record Freshness(OffsetDateTime lastEventAt, OffsetDateTime appliedAt, Long pendingEvents) {}
