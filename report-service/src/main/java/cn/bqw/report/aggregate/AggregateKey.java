package cn.bqw.report.aggregate;

/**
 * The primary key of an aggregate row. Ordered as the table's key, so that every batch writes (and
 * locks) its rows in one order and two consumers never wait on each other in a circle.
 *
 * <p>{@code part} splits a row into partials that the reads add up: the live consumers of the
 * observations write what a value adds to the divisions above its region under its topic
 * partition ({@link #partOf}), so that consumers sharing the topic never write the same row — each
 * poll of a bulk load touches every county's and the city's rows, which would otherwise make the
 * consumers take turns. Everything else (a region's own row, approvals, weights, recomputations) is
 * part {@link #WHOLE}.
 */
public record AggregateKey(String indicator, int year, int month, String area, String region, View view, int part)
        implements Comparable<AggregateKey> {

    public static final int WHOLE = 0;

    /** The part of the rows above a region whose values came from {@code partition} (unknown: {@link #WHOLE}). */
    public static int partOf(int partition) {
        return partition < 0 ? WHOLE : partition + 1;
    }

    /** The row this partial is a part of. */
    public AggregateKey whole() {
        return part == WHOLE ? this : new AggregateKey(indicator, year, month, area, region, view, WHOLE);
    }

    @Override
    public int compareTo(AggregateKey other) {
        int order = indicator.compareTo(other.indicator);
        if (order == 0) {
            order = Integer.compare(year, other.year);
        }
        if (order == 0) {
            order = Integer.compare(month, other.month);
        }
        if (order == 0) {
            order = area.compareTo(other.area);
        }
        if (order == 0) {
            order = region.compareTo(other.region);
        }
        if (order == 0) {
            order = view.name().compareTo(other.view.name());
        }
        return order != 0 ? order : Integer.compare(part, other.part);
    }
}
