package cn.bqw.village.registry;

/** 两带: the old-course ecological corridor and the urban agriculture belt. */
public enum Belt {
    OLD_COURSE_CORRIDOR,
    URBAN_AGRI_BELT
}
