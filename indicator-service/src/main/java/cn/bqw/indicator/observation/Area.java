package cn.bqw.indicator.observation;

/** Which part of a region a value describes; urban and rural values give the urban–rural gap. */
public enum Area {
    TOTAL,
    URBAN,
    RURAL
}
