package cn.bqw.report.reporting;

import cn.bqw.report.status.Assessment;
import java.math.BigDecimal;

/**
 * One indicator of a region's report: what it is, its target's kind, its status with the working,
 * and how much of it is approved: the share (0–100) of its reporting regions whose values are all
 * approved (null when none reports), provisional while that is below 100.
 */
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
        Assessment assessment,
        BigDecimal approved,
        boolean provisional) {}
