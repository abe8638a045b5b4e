package cn.bqw.indicator.observation;

import cn.bqw.indicator.catalogue.IndicatorView;
import cn.bqw.platform.period.Period;
import java.math.BigDecimal;

/** A posted value that has passed the rules that need no database: ready to be checked against state. */
record Candidate(
        IndicatorView indicator,
        String region,
        Period period,
        Area area,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal weight) {

    String key() {
        return indicator.code() + "|" + region + "|" + period + "|" + area;
    }

    String seriesKey() {
        return indicator.code() + "|" + region + "|" + area;
    }
}
