package cn.bqw.platform.api;

/** A saved aggregate: its state before (null when new) and after, and what the write did to it. */
public record Change<S extends Record>(S before, S after, WriteEffect effect) {}
