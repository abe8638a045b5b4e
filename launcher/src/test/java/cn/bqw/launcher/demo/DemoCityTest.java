package cn.bqw.launcher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.launcher.demo.DemoCity.Division;
import cn.bqw.launcher.demo.DemoCity.Village;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCityTest {

    static final DemoCity DEMO = DemoCity.generate(DemoCity.Spec.demo());

    @Test
    void theSameSeedGivesTheSameCityAndAnotherSeedAnother() {
        assertEquals(DEMO, DemoCity.generate(DemoCity.Spec.demo()));
        assertNotEquals(
                DEMO.villages(),
                DemoCity.generate(new DemoCity.Spec(7, 2500, 11)).villages());
    }

    @Test
    void theDemoCityHasTheIssuesShape() {
        assertEquals(2500, DEMO.villages().size());
        assertEquals(
                3,
                DEMO.counties().stream()
                        .filter(c -> c.division().urbanDistrict())
                        .count());
        assertEquals(
                4,
                DEMO.counties().stream()
                        .filter(c -> !c.division().urbanDistrict())
                        .count());
        assertTrue(
                DEMO.townships().size() >= 140 && DEMO.townships().size() <= 160,
                "townships: " + DEMO.townships().size());
        assertTrue(DEMO.city().code().startsWith("99"), "a fictional province prefix");
    }

    @Test
    void categoriesAndPilotsMatchTheProgrammesFigures() {
        Map<String, Long> categories =
                DEMO.villages().stream().collect(Collectors.groupingBy(Village::category, Collectors.counting()));
        assertEquals(100, categories.get("DEMONSTRATION"));
        assertEquals(1000, categories.get("RENOVATION"));
        assertEquals(128, count("LAND_SHARE_COOPERATIVE"));
        assertEquals(154, count("MAP_AND_CODE"));
        long governed = DEMO.villages().stream()
                .filter(v -> v.hasPilot("POINTS_GOVERNANCE") || v.hasPilot("LIST_GOVERNANCE"))
                .count();
        assertTrue(governed < 1250 && governed > 1000, "points/list governance in under half: " + governed);
    }

    @Test
    void everyCodeIsUniqueAndItsParentIsThere() {
        Set<String> divisions = new HashSet<>();
        divisions.add(DEMO.city().code());
        DEMO.counties().forEach(c -> divisions.add(c.code()));
        for (Division township : DEMO.townships()) {
            assertTrue(divisions.contains(township.code().substring(0, 6) + "000000"), township.code());
            int number = Integer.parseInt(township.code().substring(6, 9));
            boolean subdistrict = township.nameZh().endsWith("街道");
            boolean town = township.nameZh().endsWith("镇");
            assertTrue(
                    subdistrict ? number < 100 : town ? number >= 100 && number < 200 : number >= 200 && number < 400,
                    township + ": 街道 001–099, 镇 100–199, 乡 200–399");
            assertTrue(divisions.add(township.code()), "duplicate " + township.code());
        }
        Set<String> villages = new HashSet<>();
        Set<String> namesInTownship = new HashSet<>();
        for (Village village : DEMO.villages()) {
            assertTrue(village.code().matches("99\\d{10}"), village.code());
            assertTrue(divisions.contains(village.code().substring(0, 9) + "000"), village.code());
            assertTrue(villages.add(village.code()), "duplicate " + village.code());
            assertTrue(
                    namesInTownship.add(village.code().substring(0, 9) + village.nameZh()),
                    "name twice in a township: " + village);
        }
        assertTrue(DEMO.counties().stream().allMatch(c -> c.division().population() > 0));
    }

    /** Villages lie near their township's centre, townships near their county's: a map shows clusters, not noise. */
    @Test
    void villagesClusterByTownshipOnTheMap() {
        java.util.Map<String, java.util.List<DemoCity.Village>> byTownship = new java.util.TreeMap<>();
        DEMO.villages().forEach(v -> byTownship
                .computeIfAbsent(v.code().substring(0, 9), k -> new java.util.ArrayList<>())
                .add(v));
        java.util.List<double[]> centres = new java.util.ArrayList<>();
        for (java.util.List<DemoCity.Village> own : byTownship.values()) {
            double lat = own.stream()
                    .mapToDouble(v -> v.latitude().doubleValue())
                    .average()
                    .orElseThrow();
            double lon = own.stream()
                    .mapToDouble(v -> v.longitude().doubleValue())
                    .average()
                    .orElseThrow();
            for (DemoCity.Village v : own) {
                assertTrue(Math.abs(v.latitude().doubleValue() - lat) < 0.05, v.code() + " far from its township");
                assertTrue(Math.abs(v.longitude().doubleValue() - lon) < 0.06, v.code() + " far from its township");
            }
            centres.add(new double[] {lat, lon});
        }
        double minLat = centres.stream().mapToDouble(c -> c[0]).min().orElseThrow();
        double maxLat = centres.stream().mapToDouble(c -> c[0]).max().orElseThrow();
        assertTrue(maxLat - minLat > 0.2, "townships spread over the city, not on one spot");
        // Another city of a province lies elsewhere.
        DemoCity.Village other =
                DemoCity.generate(DemoCity.Spec.demo(), 2).villages().get(0);
        DemoCity.Village first = DEMO.villages().get(0);
        assertTrue(Math.abs(other.latitude().doubleValue() - first.latitude().doubleValue())
                        + Math.abs(other.longitude().doubleValue()
                                - first.longitude().doubleValue())
                > 0.05);
    }

    @Test
    void aProvinceScaleSetKeepsTheProportions() {
        DemoCity province = DemoCity.generate(new DemoCity.Spec(1, 30_000, 12));
        assertEquals(30_000, province.villages().size());
        assertEquals(
                48,
                province.counties().stream()
                        .filter(c -> !c.division().urbanDistrict())
                        .count());
        assertEquals(
                1536,
                province.villages().stream()
                        .filter(v -> v.hasPilot("LAND_SHARE_COOPERATIVE"))
                        .count());
        assertEquals(
                province.villages().size(),
                province.villages().stream().map(Village::code).distinct().count());
        assertEquals(
                List.of(),
                province.townships().stream()
                        .filter(t -> Integer.parseInt(t.code().substring(6, 9)) >= 400)
                        .toList());
    }

    private static long count(String pilot) {
        return DEMO.villages().stream().filter(v -> v.hasPilot(pilot)).count();
    }
}
