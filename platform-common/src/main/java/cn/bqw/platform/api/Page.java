package cn.bqw.platform.api;

import java.util.List;

/** One page of a list answer, with the total count over all pages. */
public record Page<T>(List<T> items, long total, int page, int size) {}
