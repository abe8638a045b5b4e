package cn.bqw.indicator.targets;

import cn.bqw.platform.api.Versioned;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A target as the API shows it, and as {@code bqw.target.set.v1} carries it. */
@Schema(
        example = "{\"indicator\":\"RURAL_SEWAGE_RATE\",\"region\":\"449900000000\",\"year\":2025,\"value\":60,"
                + "\"kind\":\"BINDING\",\"baseline\":48.5,\"version\":0}")
public record TargetView(
        String indicator, String region, int year, BigDecimal value, TargetKind kind, BigDecimal baseline, long version)
        implements Versioned {

    /** The event key: one compacted record per target. */
    public String key() {
        return indicator + "|" + region + "|" + year;
    }
}
