package cn.bqw.report.region;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What report-service reads of a division event's data. Fields it does not use are ignored, so
 * village-service may add fields without breaking this consumer.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DivisionState(
        String code,
        String level,
        String parentCode,
        String nameZh,
        String countyClass,
        Long population,
        long version) {}
