package cn.bqw.village.division;

import cn.bqw.platform.division.DivisionLevel;

/** A division as the API shows it. */
public record DivisionView(
        String code,
        DivisionLevel level,
        String parentCode,
        String nameZh,
        String nameEn,
        CountyClass countyClass,
        boolean urbanDistrict,
        Integer population,
        long version) {}
