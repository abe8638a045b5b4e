package cn.bqw.report.dashboard;

import io.smallrye.config.ConfigMapping;

/** What the dashboard needs to know beyond report-service: where approval steps are taken. */
@ConfigMapping(prefix = "bqw.dashboard")
public interface DashboardConfig {

    /** indicator-service's address as the browser reaches it (its CORS settings admit the dashboard's origin). */
    String indicatorService();
}
