package cn.bqw.village.division;

import cn.bqw.platform.api.Versioned;
import cn.bqw.platform.division.DivisionLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A division as the API shows it. */
@Schema(
        example =
                "{\"code\":\"449901000000\",\"level\":\"COUNTY\",\"parentCode\":\"449900000000\",\"nameZh\":\"东县\",\"nameEn\":\"East County\",\"countyClass\":\"LEAD\",\"urbanDistrict\":false,\"population\":420000,\"version\":2}")
public record DivisionView(
        String code,
        DivisionLevel level,
        String parentCode,
        String nameZh,
        String nameEn,
        CountyClass countyClass,
        boolean urbanDistrict,
        Integer population,
        long version)
        implements Versioned {}
