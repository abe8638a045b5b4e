package cn.bqw.report.reporting;

import static cn.bqw.report.reporting.Assessments.TOTAL;
import static cn.bqw.report.reporting.ReportScope.monthText;

import cn.bqw.platform.region.RegionRecord;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scorecards of the divisions directly below a region (default: the root's; a province's cities,
 * a city's counties, a county's townships), by the same rules at every level (DESIGN.md §5).
 */
@ApplicationScoped
@Transactional
public class Rankings {

    @Inject
    AggregateStore aggregates;

    @Inject
    ReportScope scope;

    @Inject
    Assessments assessments;

    /** Best first; {@code countyClass} narrows the list, not the overall ranks. */
    public Ranking rankings(int year, String asOf, String countyClass, View view, String regionCode) {
        String parent = scope.regionOrRoot(regionCode).code();
        int month = scope.month(year, asOf, parent);
        List<RegionRecord> divisions = scope.divisionsBelow(parent);
        Map<String, Aggregate> behind = new LinkedHashMap<>();
        Map<String, List<Ranking.Contribution>> parts = scorecards(divisions, year, month, view, behind);
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        parts.forEach((division, contributions) -> scores.put(division, Scorecards.composite(contributions)));
        Map<String, Integer> ranks = Scorecards.ranks(scores);
        Map<String, Integer> previous = Map.of();
        if (month > 1) {
            Map<String, BigDecimal> before = new LinkedHashMap<>();
            scorecards(divisions, year, month - 1, view, new LinkedHashMap<>())
                    .forEach((division, contributions) -> before.put(division, Scorecards.composite(contributions)));
            previous = Scorecards.ranks(before);
        }
        List<Ranking.Scorecard> cards = new ArrayList<>();
        for (RegionRecord division : divisions) {
            if (!scores.containsKey(division.code())
                    || (countyClass != null && !countyClass.equals(division.countyClass()))) {
                continue;
            }
            Map<String, BigDecimal> classmates = new LinkedHashMap<>();
            divisions.stream()
                    .filter(other -> scores.containsKey(other.code())
                            && Objects.equals(other.countyClass(), division.countyClass()))
                    .forEach(other -> classmates.put(other.code(), scores.get(other.code())));
            Integer before = previous.get(division.code());
            int rank = ranks.get(division.code());
            cards.add(new Ranking.Scorecard(
                    division.code(),
                    division.nameZh(),
                    division.countyClass(),
                    scores.get(division.code()),
                    rank,
                    Scorecards.ranks(classmates).get(division.code()),
                    before,
                    before == null ? null : before - rank,
                    parts.get(division.code()),
                    behind.get(division.code()).approvedShare(),
                    behind.get(division.code()).provisional()));
        }
        cards.sort(Comparator.comparingInt(Ranking.Scorecard::rank).thenComparing(Ranking.Scorecard::region));
        return new Ranking(year, monthText(year, month), view.text(), parent, countyClass, cards, scope.freshness());
    }

    /**
     * Each division's contributions from the indicators it has a target for; divisions without
     * targets are left out. {@code behind} gathers, by division, the sums of its scored figures.
     */
    private Map<String, List<Ranking.Contribution>> scorecards(
            List<RegionRecord> divisions, int year, int month, View view, Map<String, Aggregate> behind) {
        BigDecimal expected = Assessments.expected(month);
        Map<String, RegionRecord> byCode = new LinkedHashMap<>();
        divisions.forEach(c -> byCode.put(c.code(), c));
        Map<String, List<Scorecards.Scored>> scored = new LinkedHashMap<>();
        List<Target> targets = Target.list(
                "year = ?1 and regionCode in ?2 order by indicatorCode, regionCode",
                year,
                List.copyOf(byCode.keySet()));
        Map<String, List<Target>> byIndicator = new LinkedHashMap<>();
        targets.forEach(t -> byIndicator
                .computeIfAbsent(t.indicatorCode, k -> new ArrayList<>())
                .add(t));
        byIndicator.forEach((code, indicatorTargets) -> {
            IndicatorDef indicator = IndicatorDef.findById(code);
            if (indicator == null) {
                return;
            }
            Map<String, Aggregate> sums = aggregates.read(
                    code,
                    year,
                    month,
                    TOTAL,
                    indicatorTargets.stream().map(t -> t.regionCode).toList());
            for (Target target : indicatorTargets) {
                RegionRecord division = byCode.get(target.regionCode);
                Aggregate divisionSums = sums.getOrDefault(division.code(), Aggregate.NONE);
                behind.merge(division.code(), divisionSums, Aggregate::plus);
                scored.computeIfAbsent(division.code(), k -> new ArrayList<>())
                        .add(new Scorecards.Scored(
                                code,
                                target.kind,
                                indicator.flow(),
                                assessments.assess(indicator, division, divisionSums.in(view), target, expected)));
            }
        });
        Map<String, List<Ranking.Contribution>> parts = new LinkedHashMap<>();
        scored.forEach((division, indicators) -> parts.put(division, Scorecards.contributions(indicators)));
        return parts;
    }
}
