package cn.bqw.village.registry;

/** 示范村 / 整治村 / 一般村 (DESIGN.md §2). */
public enum VillageCategory {
    DEMONSTRATION,
    RENOVATION,
    ORDINARY
}
