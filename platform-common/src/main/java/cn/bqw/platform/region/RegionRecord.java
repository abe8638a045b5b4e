package cn.bqw.platform.region;

import cn.bqw.platform.division.DivisionLevel;
import java.math.BigDecimal;
import java.util.List;

/**
 * One division or village as a consuming service's replica holds it. {@code population} is the
 * division's own figure or the village's resident population, null when unknown; {@code category},
 * {@code planType} and {@code pilots} are a village's profile (null and empty for a division), and
 * {@code latitude}/{@code longitude} where it lies (null for a division, or when not registered).
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
        String category,
        String planType,
        List<String> pilots,
        BigDecimal latitude,
        BigDecimal longitude,
        long version) {}
