package cn.bqw.report.aggregate;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.report.catalogue.IndicatorDef;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Changes to aggregate rows: a series' month-by-month contribution, in each view, added to its
 * region and, for indicators that roll up, every ancestor up to the province. Gathered over a batch so
 * that each row is written once; the drift check builds the expected aggregates the same way.
 */
public final class Deltas {

    /** In key order (see {@link AggregateKey}). */
    private final Map<AggregateKey, Contribution> rows = new TreeMap<>();

    /** A series changed from {@code before} to {@code after} (facts, with whether each is official now). */
    public void change(
            IndicatorDef indicator, String region, String area, int year, List<Fact> before, List<Fact> after) {
        change(indicator, region, area, year, before, after, AggregateKey.WHOLE);
    }

    /** {@link #change}, adding to the rows above the region under {@code part} (see {@link AggregateKey}). */
    public void change(
            IndicatorDef indicator,
            String region,
            String area,
            int year,
            List<Fact> before,
            List<Fact> after,
            int part) {
        for (View view : View.values()) {
            add(
                    indicator,
                    view,
                    region,
                    area,
                    year,
                    SeriesMonths.difference(
                            SeriesMonths.of(indicator.flow(), after, view),
                            SeriesMonths.of(indicator.flow(), before, view)),
                    part);
        }
    }

    private void add(
            IndicatorDef indicator, View view, String region, String area, int year, Contribution[] months, int part) {
        List<String> above = indicator.rollsUp() ? DivisionCode.ancestors(region) : List.of();
        for (int month = 1; month <= SeriesMonths.MONTHS; month++) {
            Contribution change = months[month - 1];
            if (change.isZero()) {
                continue;
            }
            rows.merge(
                    new AggregateKey(indicator.code, year, month, area, region, view, AggregateKey.WHOLE),
                    change,
                    Contribution::plus);
            for (String division : above) {
                rows.merge(
                        new AggregateKey(indicator.code, year, month, area, division, view, part),
                        change,
                        Contribution::plus);
            }
        }
    }

    public Map<AggregateKey, Contribution> rows() {
        return rows;
    }
}
