package cn.bqw.indicator.catalogue;

/** How values of regions roll up into their ancestors (DESIGN.md §5). */
public enum Aggregation {
    SUM,
    MEAN,
    WEIGHTED_MEAN,
    RATIO,
    COUNT_TRUE,
    SHARE_TRUE,
    LATEST
}
