package cn.bqw.report.aggregate;

/**
 * The primary key of an aggregate row. Ordered as the table's key, so that every batch writes (and
 * locks) its rows in one order and two consumers never wait on each other in a circle.
 */
public record AggregateKey(String indicator, int year, int month, String area, String region, View view)
        implements Comparable<AggregateKey> {

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
        return order != 0 ? order : view.name().compareTo(other.view.name());
    }
}
