package cn.bqw.report.status;

/** Where an indicator stands against its target for a region and year (DESIGN.md §5). */
public enum Status {
    ACHIEVED,
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    /** A LEVEL target without a baseline has no pace: met or not. */
    NOT_ACHIEVED,
    NO_TARGET,
    NO_DATA
}
