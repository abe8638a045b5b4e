package cn.bqw.report.export;

import cn.bqw.report.export.Sheet.Amount;
import cn.bqw.report.export.Sheet.Ratio;
import cn.bqw.report.export.Sheet.StatusCell;
import cn.bqw.report.ledger.TaskLedger;
import cn.bqw.report.reporting.Coverage;
import cn.bqw.report.reporting.Freshness;
import cn.bqw.report.reporting.Gaps;
import cn.bqw.report.reporting.IndicatorBreakdown;
import cn.bqw.report.reporting.IndicatorReport;
import cn.bqw.report.reporting.Ranking;
import cn.bqw.report.reporting.RegionReport;
import cn.bqw.report.reporting.VillageMap;
import cn.bqw.report.status.Assessment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Each report view as a {@link Sheet}: the same numbers as its JSON, one row per line of the view. */
public final class Sheets {

    private Sheets() {}

    /** True for the report types that have a sheet. */
    public static boolean covers(Class<?> type) {
        return type == RegionReport.class
                || type == Ranking.class
                || type == Gaps.class
                || type == Coverage.class
                || type == IndicatorBreakdown.class
                || type == TaskLedger.class
                || type == VillageMap.class;
    }

    public static Sheet of(Object report) {
        if (report instanceof RegionReport r) {
            return region(r);
        }
        if (report instanceof Ranking r) {
            return rankings(r);
        }
        if (report instanceof Gaps g) {
            return gaps(g);
        }
        if (report instanceof Coverage c) {
            return coverage(c);
        }
        if (report instanceof IndicatorBreakdown b) {
            return breakdown(b);
        }
        if (report instanceof TaskLedger l) {
            return ledger(l);
        }
        if (report instanceof VillageMap m) {
            return villages(m);
        }
        throw new IllegalArgumentException("no sheet for " + report.getClass());
    }

    static Sheet region(RegionReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (RegionReport.Campaign campaign : report.campaigns()) {
            for (IndicatorReport i : campaign.indicators()) {
                Assessment a = i.assessment();
                rows.add(row(
                        Labels.zh("campaigns", campaign.campaign()),
                        i.code(),
                        i.nameZh(),
                        Labels.unit(i.unit()),
                        new Amount(a.actual(), i.unit()),
                        new Amount(a.target(), i.unit()),
                        new Ratio(a.progress()),
                        new Ratio(a.expected()),
                        new StatusCell(a.status().name()),
                        approved(i.approved())));
            }
        }
        return new Sheet(
                report.nameZh() + " " + report.year() + " 年进度",
                asOf(report.asOf(), report.view(), report.freshness()),
                List.of("板块", "指标代码", "指标名称", "单位", "实际值", "目标值", "进度（%）", "应达进度（%）", "状态", "已审核占比（%）"),
                rows);
    }

    static Sheet rankings(Ranking ranking) {
        List<List<Object>> rows = new ArrayList<>();
        for (Ranking.Scorecard card : ranking.counties()) {
            rows.add(row(
                    card.rank(),
                    card.region(),
                    card.nameZh(),
                    Labels.zh("classes", card.countyClass()),
                    new Amount(card.score(), Labels.SCORE),
                    card.rankInClass(),
                    card.previousRank(),
                    card.rankChange(),
                    approved(card.approved())));
        }
        return new Sheet(
                ranking.year() + " 年县域督导考核排名",
                asOf(ranking.asOf(), ranking.view(), ranking.freshness()),
                List.of("排名", "区县代码", "区县名称", "类别", "综合得分", "类别内排名", "上期排名", "名次变化", "已审核占比（%）"),
                rows);
    }

    static Sheet gaps(Gaps gaps) {
        List<List<Object>> rows = new ArrayList<>();
        for (Gaps.IndicatorGaps indicator : gaps.indicators()) {
            String measure = Labels.zh("measures", indicator.measure());
            // A ratio of two figures has no unit: written with the decimals of an unnamed unit.
            String gapUnit = "RATIO".equals(indicator.measure()) ? null : indicator.unit();
            for (Gaps.RegionGap gap : indicator.regions()) {
                rows.add(row(
                        indicator.indicator(),
                        indicator.nameZh(),
                        gap.region(),
                        gap.nameZh(),
                        new Amount(gap.urban(), indicator.unit()),
                        new Amount(gap.rural(), indicator.unit()),
                        measure,
                        new Amount(gap.gap(), gapUnit),
                        approved(gap.approved())));
            }
        }
        return new Sheet(
                gaps.year() + " 年城乡差距",
                asOf(gaps.asOf(), gaps.view(), gaps.freshness()),
                List.of("指标代码", "指标名称", "区域代码", "区域名称", "城镇", "农村", "度量", "差距", "已审核占比（%）"),
                rows);
    }

    static Sheet coverage(Coverage coverage) {
        TreeSet<String> categories = new TreeSet<>();
        TreeSet<String> planTypes = new TreeSet<>();
        TreeSet<String> pilots = new TreeSet<>();
        coverage.regions().forEach(r -> {
            categories.addAll(r.categories().keySet());
            planTypes.addAll(r.planTypes().keySet());
            pilots.addAll(r.pilots().keySet());
        });
        List<String> headers = new ArrayList<>(List.of("区域代码", "区域名称", "行政村数"));
        categories.forEach(c -> headers.addAll(columns("categories", c)));
        planTypes.forEach(c -> headers.addAll(columns("planTypes", c)));
        pilots.forEach(c -> headers.addAll(columns("pilots", c)));
        List<List<Object>> rows = new ArrayList<>();
        for (Coverage.RegionCoverage region : coverage.regions()) {
            List<Object> row = new ArrayList<>(List.of(region.region(), region.nameZh(), region.activeVillages()));
            shares(row, region.categories(), categories);
            shares(row, region.planTypes(), planTypes);
            shares(row, region.pilots(), pilots);
            rows.add(row);
        }
        return new Sheet("村庄类别、规划类型与试点覆盖", asOf(null, null, coverage.freshness()), headers, rows);
    }

    static Sheet breakdown(IndicatorBreakdown breakdown) {
        List<List<Object>> rows = new ArrayList<>();
        for (IndicatorBreakdown.RegionValue region : breakdown.regions()) {
            Assessment a = region.assessment();
            rows.add(row(
                    region.region(),
                    region.nameZh(),
                    Labels.zh("levels", region.level()),
                    new Amount(a.actual(), breakdown.unit()),
                    new Amount(a.target(), breakdown.unit()),
                    new Ratio(a.progress()),
                    new StatusCell(a.status().name()),
                    approved(region.approved())));
        }
        return new Sheet(
                breakdown.indicator() + " " + breakdown.year() + " 年分区域（" + Labels.unit(breakdown.unit()) + "）",
                asOf(breakdown.asOf(), breakdown.view(), breakdown.freshness()),
                List.of("区域代码", "区域名称", "层级", "实际值", "目标值", "进度（%）", "状态", "已审核占比（%）"),
                rows);
    }

    private static final String PERCENT = "percent";

    /** A coverage key's two columns: how many villages, and their share. */
    private static List<String> columns(String group, String key) {
        String name = Labels.zh(group, key);
        return List.of(name + " 村数", name + " 占比（%）");
    }

    private static void shares(List<Object> row, Map<String, Coverage.Share> shares, TreeSet<String> keys) {
        for (String key : keys) {
            Coverage.Share share = shares.get(key);
            row.add(share == null ? 0L : share.villages());
            row.add(share == null ? null : new Amount(share.share(), PERCENT));
        }
    }

    /** The approved share as a percentage cell (empty where nobody reports). */
    private static Amount approved(java.math.BigDecimal share) {
        return new Amount(share, PERCENT);
    }

    /** The 督办 ledger: one row per task, with the department's name and an indicator's live figure. */
    static Sheet ledger(TaskLedger ledger) {
        Map<String, String> departments = new java.util.HashMap<>();
        ledger.departments().forEach(d -> departments.put(d.department(), d.nameZh()));
        List<List<Object>> rows = new ArrayList<>();
        for (TaskLedger.TaskLine line : ledger.lines()) {
            Assessment figure = line.indicatorFigure();
            rows.add(row(
                    line.task(),
                    line.title(),
                    Labels.zh("campaigns", line.campaign()),
                    line.region(),
                    departments.getOrDefault(line.leadDepartment(), line.leadDepartment()),
                    line.dueDate().toString(),
                    Labels.zh("taskStatuses", line.status()),
                    Labels.zh("lights", line.light()),
                    new Amount(line.reached(), line.unit()),
                    new Amount(line.planned(), line.unit()),
                    line.indicator(),
                    figure == null ? null : figure.actual(),
                    figure == null ? null : figure.target(),
                    line.working()));
        }
        return new Sheet(
                ledger.nameZh() + " 督办任务台账",
                "截至 " + ledger.on(),
                List.of(
                        "任务代码", "任务", "板块", "区域", "牵头单位", "完成时限", "状态", "灯号", "完成量", "计划量", "关联指标", "指标实际值", "指标目标值",
                        "依据"),
                rows);
    }

    /** The villages of a map: where each lies, its profile, and its figure for the indicator asked for. */
    static Sheet villages(VillageMap map) {
        List<List<Object>> rows = new ArrayList<>();
        for (VillageMap.VillagePoint v : map.villages()) {
            rows.add(row(
                    v.village(),
                    v.nameZh(),
                    v.township(),
                    v.county(),
                    v.latitude(),
                    v.longitude(),
                    v.population(),
                    Labels.zh("categories", v.category()),
                    String.join(
                            "、",
                            v.pilots().stream().map(p -> Labels.zh("pilots", p)).toList()),
                    new Amount(v.actual(), map.unit()),
                    v.status() == null ? null : new StatusCell(v.status())));
        }
        String indicator = map.indicator() == null ? "" : " · " + map.indicator();
        return new Sheet(
                map.nameZh() + " 村庄分布" + indicator,
                asOf(map.asOf(), map.view(), map.freshness()),
                List.of("村代码", "村名", "镇街代码", "区县代码", "纬度", "经度", "常住人口", "类别", "试点", "实际值", "状态"),
                rows);
    }

    private static String asOf(String asOf, String view, Freshness freshness) {
        String applied = freshness == null || freshness.appliedAt() == null
                ? ""
                : "；数据更新于 " + freshness.appliedAt().toString();
        String counted = view == null ? "" : "official".equals(view) ? "；正式口径（仅计已审核数据）" : "；全部数据（含未审核）";
        return (asOf == null ? "当前" : "截至 " + asOf) + counted + applied;
    }

    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>(cells.length);
        java.util.Collections.addAll(row, cells);
        return row;
    }
}
