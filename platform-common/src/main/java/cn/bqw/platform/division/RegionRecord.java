package cn.bqw.platform.division;

/**
 * One division or village as a consuming service's replica holds it. {@code population} is the
 * division's own figure or the village's resident population, null when unknown.
 */
public record RegionRecord(
        String code,
        DivisionLevel level,
        String parentCode,
        String nameZh,
        String countyClass,
        boolean urbanDistrict,
        Long population,
        boolean active,
        long version) {}
