package cn.bqw.village.registry;

/** The programme's pilots a village may take part in. */
public enum Pilot {
    LAND_SHARE_COOPERATIVE,
    MAP_AND_CODE,
    SMALL_TO_LARGE_FIELDS,
    POINTS_GOVERNANCE,
    LIST_GOVERNANCE
}
