package cn.bqw.report.aggregate;

import java.util.Comparator;
import java.util.List;

/**
 * A region's series for one year, as of each month (DESIGN.md §5, "Time, precisely"): for FLOW the
 * year-to-date sum of the periods begun by the end of the month; for LEVEL the latest period begun
 * by then, carried forward until the region reports again. An aggregate as of a month is the sum
 * of its regions' contributions as of that month, so a change to a series changes each month's
 * aggregate by the difference of the series' two vectors.
 */
public final class SeriesMonths {

    public static final int MONTHS = 12;

    private SeriesMonths() {}

    /**
     * Index 0 is January. A month before the series' first period contributes nothing. In the
     * official view only official facts count.
     */
    public static Contribution[] of(boolean flow, List<Fact> facts, View view) {
        List<Fact> ordered = facts.stream()
                .filter(fact -> view == View.ALL || fact.official())
                .sorted(Comparator.comparingInt(Fact::firstMonth))
                .toList();
        Contribution[] months = new Contribution[MONTHS];
        Contribution running = Contribution.NONE;
        int next = 0;
        for (int month = 1; month <= MONTHS; month++) {
            while (next < ordered.size() && ordered.get(next).firstMonth() <= month) {
                Contribution fact = ordered.get(next++).contribution();
                running = flow ? ytd(running, fact) : fact;
            }
            months[month - 1] = running;
        }
        return months;
    }

    /**
     * A flow's periods add up; the region still counts once among the reporters, and among the
     * approved only while every period so far is.
     */
    private static Contribution ytd(Contribution sofar, Contribution fact) {
        Contribution sum = sofar.plus(fact);
        long approved = sofar.reporters() == 0 ? fact.approved() : Math.min(sofar.approved(), fact.approved());
        return new Contribution(
                sum.value(), sum.numerator(), sum.denominator(), sum.weighted(), sum.weight(), 1, approved);
    }

    /** After minus before, month by month. */
    public static Contribution[] difference(Contribution[] after, Contribution[] before) {
        Contribution[] delta = new Contribution[MONTHS];
        for (int i = 0; i < MONTHS; i++) {
            delta[i] = after[i].minus(before[i]);
        }
        return delta;
    }
}
