package cn.bqw.report.status;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A status with its working: the numbers it was decided from and the thresholds it was held to
 * ({@code onTrackAt} = 0.95 × expected, {@code atRiskAt} = 0.6 × expected), and the rule in words.
 */
@Schema(
        example =
                "{\"status\":\"AT_RISK\",\"actual\":96000,\"target\":150000,\"baseline\":null,\"progress\":0.64,"
                        + "\"expected\":0.8333,\"onTrackAt\":0.7917,\"atRiskAt\":0.5,\"rule\":\"FLOW: progress = actual / target\"}")
public record Assessment(
        Status status,
        BigDecimal actual,
        BigDecimal target,
        BigDecimal baseline,
        BigDecimal progress,
        BigDecimal expected,
        BigDecimal onTrackAt,
        BigDecimal atRiskAt,
        String rule) {}
