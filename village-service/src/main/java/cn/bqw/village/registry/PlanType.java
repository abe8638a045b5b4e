package cn.bqw.village.registry;

/** 集聚提升 / 城郊融合 / 特色保护 / 搬迁撤并, or not yet decided. */
public enum PlanType {
    AGGLOMERATION,
    SUBURBAN,
    CHARACTERISTIC,
    RELOCATION,
    UNDETERMINED
}
