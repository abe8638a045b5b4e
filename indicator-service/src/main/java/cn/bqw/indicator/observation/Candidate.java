package cn.bqw.indicator.observation;

import cn.bqw.indicator.catalogue.Aggregation;
import cn.bqw.indicator.catalogue.IndicatorView;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.period.Period;
import java.math.BigDecimal;

/**
 * A posted value that has passed the rules that need no database: ready to be checked against
 * state. The keys it is looked up by are computed once, since a bulk post uses them many times.
 */
final class Candidate {

    final IndicatorView indicator;
    final String region;
    final Period period;
    final String periodText;
    final Area area;
    final BigDecimal value;
    final BigDecimal numerator;
    final BigDecimal denominator;
    final BigDecimal weight;
    /** {@code indicator|region|area}: the series, all periods of one region. */
    final String seriesKey;
    /** {@code indicator|region|period|area}: the value itself. */
    final String key;
    /** The significant digits of the region's parent, which every sibling's code starts with. */
    final String parentPrefix;
    /** {@code indicator|period|area|parent prefix}: the same period in the regions under the same parent. */
    final String peerKey;

    Candidate(
            IndicatorView indicator,
            String region,
            Period period,
            Area area,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            BigDecimal weight) {
        this.indicator = indicator;
        this.region = region;
        this.period = period;
        this.periodText = period.toString();
        this.area = area;
        this.value = value;
        this.numerator = numerator;
        this.denominator = denominator;
        this.weight = weight;
        this.seriesKey = seriesKey(indicator.code(), region, area);
        this.key = key(indicator.code(), region, periodText, area);
        this.parentPrefix = parentPrefix(region);
        this.peerKey = peerKey(indicator.code(), periodText, area, parentPrefix);
    }

    /** Village flags (0/1) are not judged for outliers: every value is one of two. */
    boolean judged() {
        return indicator.aggregation() != Aggregation.COUNT_TRUE && indicator.aggregation() != Aggregation.SHARE_TRUE;
    }

    static String seriesKey(String indicator, String region, Area area) {
        return indicator + "|" + region + "|" + area;
    }

    static String key(String indicator, String region, String period, Area area) {
        return indicator + "|" + region + "|" + period + "|" + area;
    }

    static String peerKey(String indicator, String period, Area area, String parentPrefix) {
        return indicator + "|" + period + "|" + area + "|" + parentPrefix;
    }

    /** The stored values an import reads together with this one: its indicator's under its parent. */
    String rangeKey() {
        return indicator.code() + "|" + parentPrefix;
    }

    /** The significant digits of the region's parent, which every sibling's code starts with. */
    static String parentPrefix(String region) {
        return DivisionCode.parse(region)
                .flatMap(DivisionCode::parent)
                .map(DivisionCode::prefix)
                .orElse(region);
    }
}
