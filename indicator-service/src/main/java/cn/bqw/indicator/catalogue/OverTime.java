package cn.bqw.indicator.catalogue;

/** FLOW values add up over the year; a LEVEL is carried forward until revised. */
public enum OverTime {
    FLOW,
    LEVEL
}
