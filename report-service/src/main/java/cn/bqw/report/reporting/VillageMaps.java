package cn.bqw.report.reporting;

import static cn.bqw.report.reporting.Assessments.TOTAL;
import static cn.bqw.report.reporting.ReportScope.monthText;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.region.RegionRecord;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.report.aggregate.Aggregate;
import cn.bqw.report.aggregate.AggregateStore;
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

/**
 * The villages of a region for the dashboard's map: one read of the replica for the villages, one
 * of the aggregates and one of the targets for their figures, whatever their number.
 */
@ApplicationScoped
@Transactional
public class VillageMaps {

    @Inject
    ReportScope scope;

    @Inject
    AggregateStore aggregates;

    @Inject
    Assessments assessments;

    @Inject
    RegionReplica replica;

    public VillageMap villages(String regionCode, String indicatorCode, int year, String asOf, View view) {
        IndicatorDef indicator = indicatorCode == null ? null : IndicatorDef.findById(indicatorCode);
        if (indicatorCode != null && indicator == null) {
            throw ProblemException.notFound("indicator", indicatorCode);
        }
        RegionRecord region = scope.regionOrRoot(regionCode);
        int month = scope.month(year, asOf, region.code());
        List<RegionRecord> villages = replica.villagesWithin(
                DivisionCode.parse(region.code()).orElseThrow().subtree());
        List<String> codes = villages.stream().map(RegionRecord::code).toList();
        Map<String, Aggregate> sums =
                indicator == null ? Map.of() : aggregates.read(indicator.code, year, month, TOTAL, codes);
        Map<String, Target> targets = indicator == null ? Map.of() : Target.ofRegions(indicator.code, year, codes);
        BigDecimal expected = Assessments.expected(month);
        List<VillageMap.VillagePoint> points = new ArrayList<>(villages.size());
        for (RegionRecord village : villages) {
            BigDecimal actual = null;
            String status = null;
            if (indicator != null) {
                var assessment = assessments.assess(
                        indicator,
                        village,
                        sums.getOrDefault(village.code(), Aggregate.NONE).in(view),
                        targets.get(village.code()),
                        expected);
                actual = assessment.actual();
                status = assessment.status().name();
            }
            points.add(new VillageMap.VillagePoint(
                    village.code(),
                    village.nameZh(),
                    village.parentCode(),
                    DivisionCode.parse(village.code()).orElseThrow().at(DivisionLevel.COUNTY),
                    village.latitude(),
                    village.longitude(),
                    village.population(),
                    village.category(),
                    village.pilots(),
                    actual,
                    status));
        }
        return new VillageMap(
                region.code(),
                region.nameZh(),
                year,
                monthText(year, month),
                view.text(),
                indicator == null ? null : indicator.code,
                indicator == null ? null : indicator.unit,
                indicator == null ? null : indicator.aggregation,
                points,
                scope.freshness());
    }
}
