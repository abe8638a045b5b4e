package cn.bqw.launcher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.launcher.demo.DemoCity.Village;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoProvinceTest {

    static final Catalogue CATALOGUE = Catalogue.load();
    static final DemoProvince PROVINCE = DemoProvince.generate(new DemoCity.Spec(2025, 7_501, 11, 3));

    @Test
    void threeCitiesShareTheVillagesEachUnderItsOwnCodes() {
        assertEquals(
                List.of("990100000000", "990200000000", "990300000000"),
                PROVINCE.cities().stream().map(c -> c.city().code()).toList());
        assertEquals(
                7_501,
                PROVINCE.cities().stream().mapToInt(c -> c.villages().size()).sum());
        Set<String> codes = new HashSet<>();
        for (DemoCity city : PROVINCE.cities()) {
            String prefix = city.city().code().substring(0, 4);
            for (Village village : city.villages()) {
                assertTrue(village.code().startsWith(prefix), village.code());
                assertTrue(codes.add(village.code()), "one code, one village: " + village.code());
            }
            city.counties().forEach(c -> assertTrue(c.code().startsWith(prefix), c.code()));
        }
        // The first city is the demo city generated on its own, with its share of the villages.
        assertEquals(
                DemoCity.generate(new DemoCity.Spec(2025, 2_501, 11)),
                PROVINCE.cities().get(0));
    }

    @Test
    void theProvinceAddsUpItsCitiesTargetsAndFigures() {
        Story story = PROVINCE.story(CATALOGUE);
        Figures province = Figures.of(PROVINCE, story, CATALOGUE);
        List<Figures> cities = PROVINCE.cities().stream()
                .map(c -> Figures.of(c, Story.tell(c, CATALOGUE), CATALOGUE))
                .toList();
        for (Catalogue.Indicator indicator : CATALOGUE.indicators()) {
            if (!"SUM".equals(indicator.aggregation())) {
                continue;
            }
            BigDecimal sum = cities.stream()
                    .map(f -> f.city().get(indicator.code()).actual())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, sum.compareTo(province.city().get(indicator.code()).actual()), indicator.code());
            BigDecimal targets = cities.stream()
                    .map(f -> f.city().get(indicator.code()).target())
                    .filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal target = province.city().get(indicator.code()).target();
            if (target != null) {
                assertEquals(0, targets.compareTo(target), indicator.code());
            }
        }
        // The province ranks its three cities.
        assertEquals(3, province.rankings().size());
    }
}
