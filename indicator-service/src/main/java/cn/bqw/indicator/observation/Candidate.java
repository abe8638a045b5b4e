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
    final SeriesKey seriesKey;
    final ValueKey key;
    /** The significant digits of the region's parent, which every sibling's code starts with. */
    final String parentPrefix;

    final PeerKey peerKey;

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
        this.seriesKey = new SeriesKey(indicator.code(), region, area);
        this.key = new ValueKey(indicator.code(), region, periodText, area);
        this.parentPrefix = parentPrefix(region);
        this.peerKey = new PeerKey(indicator.code(), periodText, area, parentPrefix);
    }

    /** Village flags (0/1) are not judged for outliers: every value is one of two. */
    boolean judged() {
        return indicator.aggregation() != Aggregation.COUNT_TRUE && indicator.aggregation() != Aggregation.SHARE_TRUE;
    }

    /** The value itself. */
    record ValueKey(String indicator, String region, String period, Area area) {
        /** As a problem names it: {@code indicator|region|period|area}. */
        @Override
        public String toString() {
            return indicator + "|" + region + "|" + period + "|" + area;
        }
    }

    /** A series: all periods of one region's values of an indicator and area. */
    record SeriesKey(String indicator, String region, Area area) {
        /** The key events are published under, {@code indicator|region|area}: a series' events stay in order (DESIGN.md §4). */
        String eventKey() {
            return indicator + "|" + region + "|" + area;
        }
    }

    /** The same period of the regions under the same parent. */
    record PeerKey(String indicator, String period, Area area, String parentPrefix) {}

    /** The stored values an import reads together: an indicator's under one parent. */
    record RangeKey(String indicator, String parentPrefix) {}

    RangeKey rangeKey() {
        return new RangeKey(indicator.code(), parentPrefix);
    }

    /** The significant digits of the region's parent, which every sibling's code starts with. */
    static String parentPrefix(String region) {
        return DivisionCode.parse(region)
                .flatMap(DivisionCode::parent)
                .map(DivisionCode::prefix)
                .orElse(region);
    }
}
