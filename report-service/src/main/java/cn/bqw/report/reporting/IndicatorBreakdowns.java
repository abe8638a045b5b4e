package cn.bqw.report.reporting;

import static cn.bqw.report.reporting.Assessments.TOTAL;
import static cn.bqw.report.reporting.ReportScope.monthText;

import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.region.RegionRecord;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.report.aggregate.Aggregate;
import cn.bqw.report.aggregate.AggregateStore;
import cn.bqw.report.aggregate.Populations;
import cn.bqw.report.aggregate.View;
import cn.bqw.report.catalogue.IndicatorDef;
import cn.bqw.report.catalogue.Target;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One indicator over the regions below a parent, villages included, and the parent's monthly series. */
@ApplicationScoped
@Transactional
public class IndicatorBreakdowns {

    @Inject
    AggregateStore aggregates;

    @Inject
    Populations populations;

    @Inject
    RegionReplica regions;

    @Inject
    ReportScope scope;

    @Inject
    Assessments assessments;

    /** The indicator over the active regions directly below {@code parentCode} (default: the root). */
    public IndicatorBreakdown indicator(String code, int year, String asOf, String parentCode, View view) {
        IndicatorDef indicator = IndicatorDef.findById(code);
        if (indicator == null) {
            throw ProblemException.notFound("indicator", code);
        }
        RegionRecord parentRegion = scope.regionOrRoot(parentCode);
        String parent = parentRegion.code();
        int month = scope.month(year, asOf, parent);
        BigDecimal expected = Assessments.expected(month);
        List<RegionRecord> children = regions.children(parent);
        Map<String, Aggregate> sums = aggregates.read(
                code,
                year,
                month,
                TOTAL,
                children.stream().map(RegionRecord::code).toList());
        List<IndicatorBreakdown.RegionValue> values = new ArrayList<>();
        for (RegionRecord child : children) {
            Target target = Target.find(code, year, child.code());
            Aggregate childSums = sums.getOrDefault(child.code(), Aggregate.NONE);
            values.add(new IndicatorBreakdown.RegionValue(
                    child.code(),
                    child.nameZh(),
                    child.level().name(),
                    populations.of(child.code()).longValue(),
                    assessments.assess(indicator, child, childSums.in(view), target, expected),
                    childSums.approvedShare(),
                    childSums.provisional()));
        }
        Aggregate[] months = aggregates.months(code, year, TOTAL, parent);
        List<IndicatorBreakdown.Point> series = new ArrayList<>();
        for (int m = 1; m <= month; m++) {
            series.add(new IndicatorBreakdown.Point(
                    monthText(year, m), assessments.actual(indicator, parentRegion, months[m - 1].in(view))));
        }
        return new IndicatorBreakdown(
                code,
                year,
                monthText(year, month),
                view.text(),
                parent,
                indicator.unit,
                indicator.overTime,
                assessments.assess(
                        indicator, parentRegion, months[month - 1].in(view), Target.find(code, year, parent), expected),
                values,
                series,
                scope.freshness());
    }
}
