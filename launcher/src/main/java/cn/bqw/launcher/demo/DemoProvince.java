package cn.bqw.launcher.demo;

import cn.bqw.launcher.demo.DemoCity.Division;
import cn.bqw.launcher.demo.Story.Observation;
import cn.bqw.launcher.demo.Story.Target;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The fictional province 99 (云岭省) of {@code ./bqw load --cities N}: N cities, each generated like
 * the demo city with its share of the villages and a seed of its own (the first is 云溪市 itself),
 * each telling the same story. The province's targets are what its cities' add up to, for the
 * indicators that add up (SUM); the others it leaves to its cities.
 */
public record DemoProvince(Division province, List<DemoCity> cities) {

    public static final String PROVINCE_CODE = "990000000000";

    public static DemoProvince generate(DemoCity.Spec spec) {
        List<DemoCity> cities = IntStream.rangeClosed(1, spec.cities())
                .mapToObj(number -> DemoCity.generate(spec.city(number), number))
                .toList();
        int population = cities.stream().mapToInt(c -> c.city().population()).sum();
        return new DemoProvince(
                new Division(PROVINCE_CODE, "云岭省", "Yunling Province", null, false, population), cities);
    }

    /** Every city's story, and the province's own targets: its cities' SUM targets added up. */
    public Story story(Catalogue catalogue) {
        List<Target> targets = new ArrayList<>();
        List<Observation> observations = new ArrayList<>();
        List<Observation> revisions = new ArrayList<>();
        Set<String> cityCodes = new HashSet<>();
        cities.forEach(city -> {
            cityCodes.add(city.city().code());
            Story story = Story.tell(city, catalogue);
            targets.addAll(story.targets());
            observations.addAll(story.observations());
            revisions.addAll(story.revisions());
        });
        Map<String, Target> provinceTargets = new LinkedHashMap<>();
        for (Catalogue.Indicator indicator : catalogue.indicators()) {
            if (!"SUM".equals(indicator.aggregation())) {
                continue;
            }
            List<Target> cityTargets = targets.stream()
                    .filter(t -> t.indicator().equals(indicator.code()) && cityCodes.contains(t.region()))
                    .toList();
            if (cityTargets.size() == cities.size()) {
                provinceTargets.put(
                        indicator.code(),
                        new Target(
                                indicator.code(),
                                PROVINCE_CODE,
                                Story.YEAR,
                                cityTargets.stream().map(Target::value).reduce(BigDecimal.ZERO, BigDecimal::add),
                                cityTargets.get(0).kind(),
                                null));
            }
        }
        targets.addAll(provinceTargets.values());
        return new Story(List.copyOf(targets), List.copyOf(observations), List.copyOf(revisions));
    }
}
