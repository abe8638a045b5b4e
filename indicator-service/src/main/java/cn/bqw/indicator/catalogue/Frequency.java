package cn.bqw.indicator.catalogue;

/** How often values are reported. */
public enum Frequency {
    MONTHLY,
    QUARTERLY,
    YEARLY
}
