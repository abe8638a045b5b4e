package cn.bqw.report.reporting;

import static cn.bqw.report.reporting.Assessments.TOTAL;
import static cn.bqw.report.reporting.ReportScope.monthText;

import cn.bqw.platform.region.RegionRecord;
import cn.bqw.report.aggregate.Aggregate;
import cn.bqw.report.aggregate.AggregateStore;
import cn.bqw.report.aggregate.View;
import cn.bqw.report.catalogue.IndicatorDef;
import cn.bqw.report.catalogue.Target;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A region's progress by campaign: one aggregate row per (indicator, region) read. */
@ApplicationScoped
@Transactional
public class RegionReports {

    @Inject
    AggregateStore aggregates;

    @Inject
    ReportScope scope;

    @Inject
    Assessments assessments;

    /** The report of the deployment's root. */
    public RegionReport overview(int year, String asOf, View view) {
        return region(scope.root(), year, asOf, view);
    }

    public RegionReport region(String code, int year, String asOf, View view) {
        RegionRecord region = scope.region(code);
        int month = scope.month(year, asOf, code);
        BigDecimal expected = Assessments.expected(month);
        Map<String, List<IndicatorReport>> byCampaign = new LinkedHashMap<>();
        List<IndicatorDef> catalogue = IndicatorDef.listAll(Sort.by("campaign").and("code"));
        Map<String, Aggregate> aggregated =
                aggregates.readRegion(catalogue.stream().map(i -> i.code).toList(), year, month, TOTAL, code);
        Map<String, Target> targets = new HashMap<>();
        Target.<Target>list("year = ?1 and regionCode = ?2", year, code).forEach(t -> targets.put(t.indicatorCode, t));
        for (IndicatorDef indicator : catalogue) {
            Target target = targets.get(indicator.code);
            Aggregate sums = aggregated.getOrDefault(indicator.code, Aggregate.NONE);
            byCampaign
                    .computeIfAbsent(indicator.campaign, c -> new ArrayList<>())
                    .add(new IndicatorReport(
                            indicator.code,
                            indicator.nameZh,
                            indicator.nameEn,
                            indicator.campaign,
                            indicator.unit,
                            indicator.aggregation,
                            indicator.overTime,
                            indicator.direction,
                            target == null ? null : target.kind,
                            assessments.assess(indicator, region, sums.in(view), target, expected),
                            sums.approvedShare(),
                            sums.provisional()));
        }
        List<RegionReport.Campaign> campaigns = byCampaign.entrySet().stream()
                .map(e -> new RegionReport.Campaign(e.getKey(), e.getValue()))
                .toList();
        return new RegionReport(
                code,
                region.nameZh(),
                region.level().name(),
                year,
                monthText(year, month),
                view.text(),
                expected,
                campaigns,
                scope.freshness());
    }

    /** The reports of a region and of each division directly below it, as of the year's latest month. */
    public List<RegionReport> regionAndBelow(String code, int year) {
        return scope.placesOf(code).stream()
                .map(r -> region(r.code(), year, null, View.ALL))
                .toList();
    }
}
