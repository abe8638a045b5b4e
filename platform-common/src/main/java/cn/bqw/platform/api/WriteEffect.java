package cn.bqw.platform.api;

/** What a write did to its aggregate; an import counts them as imported, updated and ignored. */
public enum WriteEffect {
    CREATED,
    UPDATED,
    UNCHANGED
}
