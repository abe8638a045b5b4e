package cn.bqw.report.aggregate;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.report.catalogue.IndicatorDef;
import java.util.ArrayList;
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
        for (View view : View.values()) {
            add(
                    indicator,
                    view,
                    region,
                    area,
                    year,
                    SeriesMonths.difference(
                            SeriesMonths.of(indicator.flow(), after, view),
                            SeriesMonths.of(indicator.flow(), before, view)));
        }
    }

    private void add(IndicatorDef indicator, View view, String region, String area, int year, Contribution[] months) {
        List<String> targets = new ArrayList<>();
        targets.add(region);
        if (indicator.rollsUp()) {
            targets.addAll(DivisionCode.ancestors(region));
        }
        for (int month = 1; month <= SeriesMonths.MONTHS; month++) {
            Contribution change = months[month - 1];
            if (change.isZero()) {
                continue;
            }
            for (String target : targets) {
                rows.merge(
                        new AggregateKey(indicator.code, year, month, area, target, view), change, Contribution::plus);
            }
        }
    }

    public Map<AggregateKey, Contribution> rows() {
        return rows;
    }
}
