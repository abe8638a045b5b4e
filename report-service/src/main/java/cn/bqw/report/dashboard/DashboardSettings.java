package cn.bqw.report.dashboard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The dashboard's settings: where it takes approval steps. */
@Schema(example = "{\"indicatorService\":\"https://indicators.bqw.example.org\"}")
public record DashboardSettings(String indicatorService) {}
