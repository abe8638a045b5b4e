package cn.bqw.indicator.catalogue;

/** 五大攻坚行动, and public services (DESIGN.md §2). */
public enum Campaign {
    AGRI,
    RURAL,
    INCOME,
    REGION,
    REFORM,
    SERVICE
}
