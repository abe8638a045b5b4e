package cn.bqw.launcher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.launcher.demo.Story.Observation;
import cn.bqw.launcher.demo.Story.Target;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StoryTest {

    static final Catalogue CATALOGUE = Catalogue.load();
    static final Story STORY = Story.tell(DemoCityTest.DEMO, CATALOGUE);

    @Test
    void everyIndicatorOfTheCatalogueHasValuesAndOnlyUpToNovember() {
        Set<String> reported =
                STORY.observations().stream().map(Observation::indicator).collect(Collectors.toSet());
        CATALOGUE.indicators().forEach(i -> assertTrue(reported.contains(i.code()), i.code()));
        assertTrue(STORY.observations().stream()
                .allMatch(o -> Figures.lastMonth(o.period()) <= 11 || o.period().equals("2025")));
    }

    @Test
    void fortyTwoThousandMuAreConsolidatedByMidYear() {
        BigDecimal firstHalf = STORY.observations().stream()
                .filter(o -> o.indicator().equals("INCOME_LAND_CONSOLIDATED") && Figures.lastMonth(o.period()) <= 6)
                .map(Observation::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("42000"), firstHalf);
    }

    @Test
    void countyAllocationsAddUpToTheCityTarget() {
        for (Catalogue.Indicator indicator : CATALOGUE.indicators()) {
            if (!"CUMULATIVE_AT_LEAST".equals(indicator.targetRule())) {
                continue;
            }
            BigDecimal counties = STORY.targets().stream()
                    .filter(t -> t.indicator().equals(indicator.code())
                            && !t.region().equals(DemoCity.CITY_CODE))
                    .map(Target::value)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, indicator.cityTarget().compareTo(counties), indicator.code());
        }
    }

    @Test
    void statusesAndRankingsDiffer() {
        Figures figures = Figures.of(DemoCityTest.DEMO, STORY, CATALOGUE);
        Map<String, Long> statuses = figures.city().values().stream()
                .collect(Collectors.groupingBy(Figures.Assessed::status, Collectors.counting()));
        for (String status : new String[] {"ACHIEVED", "ON_TRACK", "AT_RISK", "NOT_ACHIEVED"}) {
            assertTrue(statuses.containsKey(status), "the city overview has " + status + ": " + statuses);
        }
        assertTrue(!statuses.containsKey("NO_DATA"), "every indicator has data: " + statuses);
        assertEquals(7, figures.rankings().size());
        assertEquals(
                7,
                figures.rankings().stream()
                        .map(Figures.Scorecard::score)
                        .distinct()
                        .count());
    }

    @Test
    void theRoadGapIsAboutFifteenPoints() {
        BigDecimal urban = ratio("URBAN");
        BigDecimal rural = ratio("RURAL");
        BigDecimal gap = urban.subtract(rural);
        assertTrue(gap.compareTo(new BigDecimal("13")) > 0 && gap.compareTo(new BigDecimal("17")) < 0, "gap " + gap);
    }

    private static BigDecimal ratio(String area) {
        BigDecimal num = BigDecimal.ZERO;
        BigDecimal den = BigDecimal.ZERO;
        for (Observation o : STORY.observations()) {
            if (o.indicator().equals("RURAL_ROAD_GOOD_RATE") && o.area().equals(area)) {
                num = num.add(o.numerator());
                den = den.add(o.denominator());
            }
        }
        return num.multiply(BigDecimal.valueOf(100)).divide(den, 4, java.math.RoundingMode.HALF_EVEN);
    }
}
