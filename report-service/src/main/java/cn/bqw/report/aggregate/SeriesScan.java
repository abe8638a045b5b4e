package cn.bqw.report.aggregate;

import cn.bqw.report.catalogue.IndicatorDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fact rows read in series order (indicator, region, area, year) turned into the aggregates they
 * make, a series at a time: how the drift check computes what the aggregates should be and how a
 * rebuild makes them, both from the facts alone.
 */
public final class SeriesScan {

    /** The columns a scan reads, in this order; the query orders by the first four. */
    public static final String COLUMNS =
            "indicator_code, region_code, area, year, first_month, value, numerator, denominator, weight, period";

    private final Map<String, IndicatorDef> indicators;
    private final ApprovedUnits units;
    private final List<Fact> facts = new ArrayList<>();
    private Object[] first;

    public SeriesScan(Map<String, IndicatorDef> indicators, ApprovedUnits units) {
        this.indicators = indicators;
        this.units = units;
    }

    /** The next row; the series before it, once complete, goes into {@code deltas}. */
    public void accept(Object[] row, Deltas deltas) {
        if (first != null && !sameSeries(first, row)) {
            finish(deltas);
        }
        if (first == null) {
            first = row;
        }
        IndicatorDef indicator = indicators.get((String) row[0]);
        facts.add(Fact.of(
                row, 4, indicator != null && units.covers(indicator.campaign, (String) row[1], (String) row[9])));
    }

    /** The series read so far into {@code deltas}; facts of an indicator not defined make none. */
    public void finish(Deltas deltas) {
        if (first == null) {
            return;
        }
        IndicatorDef indicator = indicators.get((String) first[0]);
        if (indicator != null) {
            deltas.change(
                    indicator, (String) first[1], (String) first[2], ((Number) first[3]).intValue(), List.of(), facts);
        }
        facts.clear();
        first = null;
    }

    /** The region of the series being read, null before the first row or after {@link #finish}. */
    public String region() {
        return first == null ? null : (String) first[1];
    }

    private static boolean sameSeries(Object[] a, Object[] b) {
        for (int i = 0; i < 4; i++) {
            if (!a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }
}
