package cn.bqw.report;

import cn.bqw.testkit.TestEvents;

/**
 * The events report-service consumes, as the other services publish them, sent straight onto the
 * topics: divisions and villages, indicators and targets, observations, approval steps.
 */
public final class ProjectionEvents implements AutoCloseable {

    private final TestEvents events = new TestEvents();

    public ProjectionEvents division(String code, String level, String parent, String name, String countyClass) {
        events.send(
                "bqw.divisions.v1",
                "bqw.division.registered.v1",
                code,
                """
                {"code":"%s","level":"%s","parentCode":%s,"nameZh":"%s","countyClass":%s,"urbanDistrict":false,"version":0}"""
                        .formatted(code, level, quoted(parent), name, quoted(countyClass)));
        return this;
    }

    public ProjectionEvents village(String code, String township, String category, int population) {
        events.send(
                "bqw.divisions.v1",
                "bqw.village.registered.v1",
                code,
                """
                {"code":"%s","townshipCode":"%s","nameZh":"村%s","category":"%s","planType":"SUBURBAN","pilots":[],
                 "residentPopulation":%d,"latitude":23.%s,"longitude":113.%s,"status":"ACTIVE","version":0}"""
                        .formatted(
                                code,
                                township,
                                code.substring(9),
                                category,
                                population,
                                code.substring(5, 6) + code.substring(9),
                                code.substring(8, 9) + code.substring(9)));
        return this;
    }

    public ProjectionEvents indicator(
            String code, String aggregation, String overTime, String reportedAt, String unit) {
        events.send(
                "bqw.indicators.v1",
                "bqw.indicator.defined.v1",
                code,
                """
                {"code":"%s","nameZh":"测试%s","campaign":"RURAL","unit":"%s","aggregation":"%s","overTime":"%s",
                 "direction":"UP","reportedAt":"%s","frequency":"MONTHLY","version":0}"""
                        .formatted(code, code, unit, aggregation, overTime, reportedAt));
        return this;
    }

    public ProjectionEvents target(String indicator, String region, int year, String value) {
        events.send(
                "bqw.indicators.v1",
                "bqw.target.set.v1",
                indicator + "|" + region + "|" + year,
                """
                {"indicator":"%s","region":"%s","year":%d,"value":%s,"kind":"BINDING","baseline":null,"version":0}"""
                        .formatted(indicator, region, year, value));
        return this;
    }

    /** A value; {@code numbers} is the JSON of its numbers: {@code "value":3}, or with numerator and denominator. */
    public ProjectionEvents observation(String indicator, String region, String period, String area, String numbers) {
        return revision(indicator, region, period, area, numbers, 1);
    }

    /** A value's later version (a revision replaces the version before it). */
    public ProjectionEvents revision(
            String indicator, String region, String period, String area, String numbers, long version) {
        events.send(
                "bqw.observations.v1",
                "bqw.observation.recorded.v1",
                indicator + "|" + region + "|" + area,
                """
                {"indicator":"%s","region":"%s","period":"%s","area":"%s",%s,"version":%d}"""
                        .formatted(indicator, region, period, area, numbers, version));
        return this;
    }

    /** An approval step as indicator-service publishes it: the unit's new state and version. */
    public ProjectionEvents approval(
            String region, String period, String campaign, String state, String reason, long version) {
        events.send(
                "bqw.approvals.v1",
                "bqw.approval." + state.toLowerCase(java.util.Locale.ROOT) + ".v1",
                region + "|" + period + "|" + campaign,
                """
                {"region":"%s","period":"%s","campaign":"%s","state":"%s","reason":%s,"changedBy":"approver",
                 "changedAt":"2025-11-03T02:00:00Z","version":%d}"""
                        .formatted(region, period, campaign, state, quoted(reason), version));
        return this;
    }

    @Override
    public void close() {
        events.close();
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
