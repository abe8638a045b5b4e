package cn.bqw.report.reporting;

import cn.bqw.report.status.Assessment;

/** One indicator of a region's report: what it is, its target's kind, and its status with the working. */
public record IndicatorReport(
        String code,
        String nameZh,
        String nameEn,
        String campaign,
        String unit,
        String aggregation,
        String overTime,
        String direction,
        String targetKind,
        Assessment assessment) {}
