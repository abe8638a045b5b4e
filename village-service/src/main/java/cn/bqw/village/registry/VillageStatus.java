package cn.bqw.village.registry;

/** A retired village keeps its code reserved for ever. */
public enum VillageStatus {
    ACTIVE,
    RETIRED
}
