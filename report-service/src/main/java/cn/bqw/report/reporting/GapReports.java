package cn.bqw.report.reporting;

import static cn.bqw.report.reporting.Assessments.PRECISION;
import static cn.bqw.report.reporting.ReportScope.monthText;

import cn.bqw.platform.api.Numbers;
import cn.bqw.platform.region.RegionRecord;
import cn.bqw.report.aggregate.Aggregate;
import cn.bqw.report.aggregate.AggregateStore;
import cn.bqw.report.aggregate.View;
import cn.bqw.report.catalogue.IndicatorDef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Urban–rural gaps of a region (default: the root) and the divisions directly below it, for every
 * indicator with rural values in the region this year: a ratio for money, a difference otherwise.
 */
@ApplicationScoped
@Transactional
public class GapReports {

    @Inject
    AggregateStore aggregates;

    @Inject
    ReportScope scope;

    @Inject
    Assessments assessments;

    @Inject
    EntityManager entityManager;

    public Gaps gaps(int year, String asOf, View view, String regionCode) {
        List<RegionRecord> places = scope.placesOf(regionCode);
        int month = scope.month(year, asOf, places.get(0).code());
        // The indicators with rural values in this region's own subtree (another city's are not its
        // gaps): one primary-key lookup per indicator and month.
        List<?> codes = entityManager
                .createNativeQuery(
                        """
                        SELECT i.code FROM indicator_def i
                        WHERE EXISTS (SELECT 1 FROM generate_series(1, 12) AS m(month)
                                      JOIN aggregate a ON a.indicator_code = i.code AND a.year = ?1
                                       AND a.month = m.month AND a.area = 'RURAL' AND a.region_code = ?2)
                        ORDER BY 1""")
                .setParameter(1, year)
                .setParameter(2, places.get(0).code())
                .getResultList();
        List<Gaps.IndicatorGaps> indicators = new ArrayList<>();
        for (Object code : codes) {
            IndicatorDef indicator = IndicatorDef.findById(code);
            if (indicator == null) {
                continue;
            }
            boolean money = indicator.unit.contains("yuan") || indicator.unit.contains("元");
            List<Gaps.RegionGap> gaps = new ArrayList<>();
            for (RegionRecord place : places) {
                Aggregate[] urban = aggregates.months(indicator.code, year, "URBAN", place.code());
                Aggregate[] rural = aggregates.months(indicator.code, year, "RURAL", place.code());
                List<Gaps.Point> trend = new ArrayList<>();
                for (int m = 1; m <= month; m++) {
                    trend.add(new Gaps.Point(
                            monthText(year, m),
                            gap(
                                    money,
                                    assessments.actual(indicator, place, urban[m - 1].in(view)),
                                    assessments.actual(indicator, place, rural[m - 1].in(view)))));
                }
                BigDecimal u = assessments.actual(indicator, place, urban[month - 1].in(view));
                BigDecimal r = assessments.actual(indicator, place, rural[month - 1].in(view));
                if (u != null || r != null) {
                    Aggregate both = urban[month - 1].plus(rural[month - 1]);
                    gaps.add(new Gaps.RegionGap(
                            place.code(),
                            place.nameZh(),
                            u,
                            r,
                            gap(money, u, r),
                            trend,
                            both.approvedShare(),
                            both.provisional()));
                }
            }
            indicators.add(new Gaps.IndicatorGaps(
                    indicator.code, indicator.nameZh, indicator.unit, money ? "RATIO" : "DIFFERENCE", gaps));
        }
        return new Gaps(year, monthText(year, month), view.text(), indicators, scope.freshness());
    }

    private static BigDecimal gap(boolean money, BigDecimal urban, BigDecimal rural) {
        if (urban == null || rural == null) {
            return null;
        }
        if (money) {
            return rural.signum() == 0 ? null : Numbers.reported(urban.divide(rural, PRECISION));
        }
        return Numbers.reported(urban.subtract(rural));
    }
}
