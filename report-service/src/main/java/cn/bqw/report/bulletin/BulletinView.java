package cn.bqw.report.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A published edition: its number per region and year, when and by whom, the projection position
 * it reflects (the newest value applied and when), the edition it corrects, and — when asked for
 * one edition — its content, whose canonical JSON text has the SHA-256 given.
 */
@Schema(
        example =
                "{\"id\":3,\"region\":\"990100000000\",\"year\":2025,\"number\":2,\"title\":\"云溪市百千万工程2025年第2期通报\",\"asOf\":\"2025-10\",\"view\":\"all\",\"publishedAt\":\"2025-11-05T02:00:00Z\",\"publishedBy\":\"approver-city\",\"corrects\":null,\"lastEventAt\":\"2025-11-04T09:12:00Z\",\"appliedAt\":\"2025-11-04T09:12:01Z\",\"sha256\":\"9c…\"}")
public record BulletinView(
        long id,
        String region,
        int year,
        int number,
        String title,
        String asOf,
        String view,
        OffsetDateTime publishedAt,
        String publishedBy,
        Long corrects,
        OffsetDateTime lastEventAt,
        OffsetDateTime appliedAt,
        String sha256,
        JsonNode content) {}
