package cn.bqw.indicator.catalogue;

/** The lowest level at which values are reported. */
public enum ReportingLevel {
    VILLAGE,
    TOWNSHIP,
    COUNTY,
    CITY
}
