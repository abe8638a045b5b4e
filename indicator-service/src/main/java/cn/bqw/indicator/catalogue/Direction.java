package cn.bqw.indicator.catalogue;

/** Whether more is better (UP) or less (DOWN). */
public enum Direction {
    UP,
    DOWN
}
