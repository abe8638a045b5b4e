package cn.bqw.launcher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.launcher.demo.DemoCity.County;
import cn.bqw.launcher.demo.DemoCity.Division;
import cn.bqw.launcher.demo.DemoCity.Village;
import cn.bqw.launcher.demo.Story.Observation;
import cn.bqw.launcher.demo.Story.Target;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The referee's own arithmetic, on a city small enough to work out by hand. */
class FiguresTest {

    static final String HEADER =
            "code,name_zh,name_en,campaign,unit,aggregation,over_time,direction,reported_at,frequency,city_target_2025,target_rule,figure_in_programme_text\n";
    static final String A = "990121000000";
    static final String B = "990122000000";
    static final String A1 = "990121101201";
    static final String A2 = "990121101202";
    static final String B1 = "990122101201";

    final Catalogue catalogue;
    final DemoCity city;

    FiguresTest() throws IOException {
        String csv = HEADER
                + "T_FLOW,流量,,RURAL,x,SUM,FLOW,UP,VILLAGE,MONTHLY,40,CUMULATIVE_AT_LEAST,\n"
                + "T_SHARE,占比,,RURAL,percent,SHARE_TRUE,LEVEL,UP,VILLAGE,QUARTERLY,50,LEVEL_AT_LEAST,\n"
                + "T_MEAN,均值,,INCOME,yuan,MEAN,LEVEL,UP,VILLAGE,MONTHLY,,NONE,\n"
                + "T_RATIO,比率,,SERVICE,percent,RATIO,LEVEL,UP,COUNTY,YEARLY,,LEVEL_AT_LEAST,\n"
                + "T_WM,加权,,INCOME,percent,WEIGHTED_MEAN,LEVEL,DOWN,COUNTY,YEARLY,45,LEVEL_AT_MOST,\n"
                + "T_LATEST,最新,,REGION,item,LATEST,LEVEL,UP,CITY,YEARLY,,NONE,\n";
        catalogue = new Catalogue(Catalogue.parse(csv), csv);
        city = new DemoCity(
                DemoCity.Spec.demo(),
                new Division(DemoCity.CITY_CODE, "市", null, null, false, 10_000),
                List.of(
                        new County(new Division(A, "甲县", null, "LEAD", false, 3000), 1),
                        new County(new Division(B, "乙县", null, "LEAD", false, 1000), 1)),
                List.of(
                        new Division("990121101000", "甲镇", null, null, false, null),
                        new Division("990122101000", "乙镇", null, null, false, null)),
                List.of(village(A1, 100), village(A2, 200), village(B1, 300)));
    }

    @Test
    void everyAggregationKindAsOfTheLastMonthWithValues() {
        Figures figures = Figures.of(city, story(), catalogue);
        assertEquals(3, figures.asOfMonth());
        // FLOW: 5 (Jan) + 7 (Mar) + 4 (Feb); progress 16 / 40 = 0.4 ≥ 0.95 × 3/12.
        assertCity(figures, "T_FLOW", "16", "ON_TRACK");
        // One of the three active villages says 1; baseline 20: (33.3333 − 20) / (50 − 20) = 0.4444.
        assertCity(figures, "T_SHARE", "33.3333", "ON_TRACK");
        // LEVEL: A1's March value (20) replaces its January one; mean of 20 and 30.
        assertCity(figures, "T_MEAN", "25", "NO_TARGET");
        // 100 × (30 + 10) / (40 + 60).
        assertCity(figures, "T_RATIO", "40", "NO_TARGET");
        // (3000 × 50 + 1000 × 10) / 4000 = 40 ≤ 45: DOWN, met.
        assertCity(figures, "T_WM", "40", "ACHIEVED");
        // LATEST: the city's own value; the county's 99 does not roll up.
        assertCity(figures, "T_LATEST", "7.5", "NO_TARGET");
    }

    @Test
    void scorecardsWeighBindingTwiceAndRankByScore() {
        Figures figures = Figures.of(city, story(), catalogue);
        // A: T_FLOW 12 / 10 met → 100 (×2); T_RATIO 75 / 80 = 0.9375, LEVEL without baseline → 93.75 (×1).
        // B: T_FLOW 4 / 20 = 0.2 → 100 × 0.2 / 0.25 = 80 (×2); T_RATIO 16.6667 / 80 → 0.2083 → 20.83 (×1).
        assertEquals(
                List.of(
                        new Figures.Scorecard(A, "LEAD", new BigDecimal("97.9167"), 1, 1),
                        new Figures.Scorecard(B, "LEAD", new BigDecimal("60.2767"), 2, 2)),
                figures.rankings());
    }

    private Story story() {
        return new Story(
                List.of(
                        new Target("T_FLOW", DemoCity.CITY_CODE, 2025, new BigDecimal("40"), "BINDING", null),
                        new Target(
                                "T_SHARE",
                                DemoCity.CITY_CODE,
                                2025,
                                new BigDecimal("50"),
                                "EXPECTED",
                                new BigDecimal("20")),
                        new Target("T_WM", DemoCity.CITY_CODE, 2025, new BigDecimal("45"), "EXPECTED", null),
                        new Target("T_FLOW", A, 2025, new BigDecimal("10"), "BINDING", null),
                        new Target("T_FLOW", B, 2025, new BigDecimal("20"), "BINDING", null),
                        new Target("T_RATIO", A, 2025, new BigDecimal("80"), "EXPECTED", null),
                        new Target("T_RATIO", B, 2025, new BigDecimal("80"), "EXPECTED", null)),
                List.of(
                        value("T_FLOW", A1, "2025-01", "5"),
                        value("T_FLOW", A1, "2025-03", "7"),
                        value("T_FLOW", B1, "2025-02", "4"),
                        value("T_SHARE", A1, "2025Q1", "1"),
                        value("T_SHARE", B1, "2025Q1", "0"),
                        value("T_MEAN", A1, "2025-01", "10"),
                        value("T_MEAN", A1, "2025-03", "20"),
                        value("T_MEAN", B1, "2025-02", "30"),
                        new Observation(
                                "T_RATIO", A, "2025", "TOTAL", null, new BigDecimal("30"), new BigDecimal("40")),
                        new Observation(
                                "T_RATIO", B, "2025", "TOTAL", null, new BigDecimal("10"), new BigDecimal("60")),
                        new Observation("T_RATIO", B, "2025", "RURAL", null, new BigDecimal("1"), new BigDecimal("60")),
                        value("T_WM", A, "2025", "50"),
                        value("T_WM", B, "2025", "10"),
                        value("T_LATEST", DemoCity.CITY_CODE, "2025", "7.5"),
                        value("T_LATEST", A, "2025", "99")),
                List.of());
    }

    @Test
    void theOfficialStoryKeepsTheRevisedValuesOfTheApprovedPeriodsOnly() {
        Story base = story();
        Story revised = new Story(base.targets(), base.observations(), List.of(value("T_FLOW", A1, "2025-01", "6")));
        // Approved through February: January (revised) and February; not March, not Q1, not the year.
        assertEquals(
                List.of(
                        "T_FLOW " + A1 + " 2025-01 6",
                        "T_FLOW " + B1 + " 2025-02 4",
                        "T_MEAN " + A1 + " 2025-01 10",
                        "T_MEAN " + B1 + " 2025-02 30"),
                revised.official(2).observations().stream()
                        .map(o -> o.indicator() + " " + o.region() + " " + o.period() + " " + o.value())
                        .toList());
        assertEquals(List.of("2025-01", "2025-02", "2025-03", "2025Q1"), DemoApprovals.approvedPeriods(3));
        assertEquals(
                new BigDecimal("6"),
                revised.revised().observations().get(0).value(),
                "the revision replaces the value first posted, in its place");
    }

    private static void assertCity(Figures figures, String indicator, String actual, String status) {
        Figures.Assessed assessed = figures.city().get(indicator);
        assertEquals(new BigDecimal(actual), assessed.actual(), indicator);
        assertEquals(status, assessed.status(), indicator);
    }

    private static Observation value(String indicator, String region, String period, String value) {
        return Observation.of(indicator, region, period, new BigDecimal(value));
    }

    private static Village village(String code, int residents) {
        return new Village(
                code, code, "ORDINARY", null, List.of(), List.of(), residents, residents, 1, null, null, null, null);
    }
}
