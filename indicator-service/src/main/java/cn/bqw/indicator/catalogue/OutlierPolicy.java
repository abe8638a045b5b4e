package cn.bqw.indicator.catalogue;

/** What happens to an observation judged an outlier: accepted and flagged, or refused. */
public enum OutlierPolicy {
    FLAG,
    REJECT
}
