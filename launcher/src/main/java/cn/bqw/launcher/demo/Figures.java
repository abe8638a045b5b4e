package cn.bqw.launcher.demo;

import cn.bqw.launcher.demo.Catalogue.Indicator;
import cn.bqw.launcher.demo.DemoCity.County;
import cn.bqw.launcher.demo.DemoCity.Division;
import cn.bqw.launcher.demo.DemoCity.Village;
import cn.bqw.launcher.demo.Story.Observation;
import cn.bqw.launcher.demo.Story.Target;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the overview and the rankings must show for a generated city (its counties ranked) or province
 * (its cities ranked), worked out by the generator itself from every value it posts (DESIGN.md §5), without the platform's code: the
 * figures {@code ./bqw demo-check} holds report-service to.
 */
public record Figures(int asOfMonth, Map<String, Assessed> city, List<Scorecard> rankings) {

    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** An indicator's actual, target and status for one region. */
    public record Assessed(
            String indicator, BigDecimal actual, BigDecimal target, String status, BigDecimal progress) {}

    /** A ranked division's composite score and ranks. */
    public record Scorecard(String county, String countyClass, BigDecimal score, int rank, int rankInClass) {}

    /** A city's overview and its counties' rankings. */
    public static Figures of(DemoCity city, Story story, Catalogue catalogue) {
        Map<String, Integer> populations = new HashMap<>();
        addPopulations(city, populations);
        return of(
                city.city().code(),
                city.counties().stream().map(County::division).toList(),
                populations,
                city.villages(),
                story,
                catalogue);
    }

    /** A province's overview and its cities' rankings, from every city's values. */
    public static Figures of(DemoProvince province, Story story, Catalogue catalogue) {
        Map<String, Integer> populations = new HashMap<>();
        populations.put(province.province().code(), province.province().population());
        List<Village> villages = new ArrayList<>();
        for (DemoCity city : province.cities()) {
            addPopulations(city, populations);
            villages.addAll(city.villages());
        }
        return of(
                province.province().code(),
                province.cities().stream().map(DemoCity::city).toList(),
                populations,
                villages,
                story,
                catalogue);
    }

    /** The resident populations of a city, its counties and its villages, which weigh their values. */
    private static void addPopulations(DemoCity city, Map<String, Integer> populations) {
        populations.put(city.city().code(), city.city().population());
        city.counties().forEach(c -> populations.put(c.code(), c.division().population()));
        city.villages().forEach(v -> populations.put(v.code(), v.residentPopulation()));
    }

    /**
     * The overview of {@code root} and the rankings of the divisions {@code ranked} directly below
     * it; {@code populations} weigh the values of every region that reports one.
     */
    private static Figures of(
            String root,
            List<Division> ranked,
            Map<String, Integer> populations,
            List<Village> villages,
            Story story,
            Catalogue catalogue) {
        // The report's default as-of month: the last month covered by a monthly or quarterly value.
        int asOf = story.observations().stream()
                .filter(o -> !o.period().matches("\\d{4}"))
                .mapToInt(o -> lastMonth(o.period()))
                .max()
                .orElse(12);
        Calculator calculator = new Calculator(populations, villages, story, asOf);
        Map<String, Assessed> overview = new LinkedHashMap<>();
        for (Indicator indicator : catalogue.indicators()) {
            overview.put(indicator.code(), calculator.assess(indicator, root));
        }
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        for (Division division : ranked) {
            List<BigDecimal[]> parts = new ArrayList<>();
            for (Target target : story.targets()) {
                if (target.region().equals(division.code())) {
                    Indicator indicator = catalogue.get(target.indicator());
                    Assessed assessed = calculator.assess(indicator, division.code());
                    int weight = "BINDING".equals(target.kind()) ? 2 : 1;
                    parts.add(
                            new BigDecimal[] {calculator.score(indicator, assessed, target), BigDecimal.valueOf(weight)
                            });
                }
            }
            if (!parts.isEmpty()) {
                BigDecimal points =
                        parts.stream().map(p -> p[0].multiply(p[1])).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal weights = parts.stream().map(p -> p[1]).reduce(BigDecimal.ZERO, BigDecimal::add);
                scores.put(division.code(), round(points.divide(weights, PRECISION)));
            }
        }
        Map<String, Integer> ranks = ranks(scores);
        List<Scorecard> rankings = new ArrayList<>();
        for (Division division : ranked) {
            if (!scores.containsKey(division.code())) {
                continue;
            }
            Map<String, BigDecimal> classmates = new LinkedHashMap<>();
            ranked.stream()
                    .filter(d ->
                            scores.containsKey(d.code()) && Objects.equals(d.countyClass(), division.countyClass()))
                    .forEach(d -> classmates.put(d.code(), scores.get(d.code())));
            rankings.add(new Scorecard(
                    division.code(),
                    division.countyClass(),
                    scores.get(division.code()),
                    ranks.get(division.code()),
                    ranks(classmates).get(division.code())));
        }
        rankings.sort(Comparator.comparingInt(Scorecard::rank).thenComparing(Scorecard::county));
        return new Figures(asOf, overview, List.copyOf(rankings));
    }

    /** Competition ranks, best score first. */
    static Map<String, Integer> ranks(Map<String, BigDecimal> scores) {
        Map<String, Integer> ranks = new HashMap<>();
        for (Map.Entry<String, BigDecimal> entry : scores.entrySet()) {
            long better = scores.values().stream()
                    .filter(s -> s.compareTo(entry.getValue()) > 0)
                    .count();
            ranks.put(entry.getKey(), (int) better + 1);
        }
        return ranks;
    }

    private static final class Calculator {
        private final Map<String, Integer> populations;
        private final List<Village> villages;
        private final Story story;
        private final int asOf;
        private final BigDecimal expected;
        private final Map<String, List<Observation>> byIndicator = new HashMap<>();

        Calculator(Map<String, Integer> populations, List<Village> villages, Story story, int asOf) {
            this.populations = populations;
            this.villages = villages;
            this.story = story;
            this.asOf = asOf;
            this.expected = round(BigDecimal.valueOf(asOf).divide(BigDecimal.valueOf(12), PRECISION));
            story.observations().forEach(o -> byIndicator
                    .computeIfAbsent(o.indicator(), k -> new ArrayList<>())
                    .add(o));
        }

        Assessed assess(Indicator indicator, String region) {
            BigDecimal actual = actual(indicator, region);
            Target target = story.targets().stream()
                    .filter(t ->
                            t.indicator().equals(indicator.code()) && t.region().equals(region))
                    .findFirst()
                    .orElse(null);
            if (actual == null) {
                return new Assessed(indicator.code(), null, target == null ? null : target.value(), "NO_DATA", null);
            }
            if (target == null) {
                return new Assessed(indicator.code(), actual, null, "NO_TARGET", null);
            }
            boolean up = indicator.up();
            boolean met = up ? actual.compareTo(target.value()) >= 0 : actual.compareTo(target.value()) <= 0;
            BigDecimal baseline = indicator.flow() ? null : target.baseline();
            BigDecimal done;
            BigDecimal needed;
            if (baseline != null) {
                done = up ? actual.subtract(baseline) : baseline.subtract(actual);
                needed = up ? target.value().subtract(baseline) : baseline.subtract(target.value());
            } else {
                done = up ? actual : target.value();
                needed = up ? target.value() : actual;
            }
            BigDecimal progress = round(
                    needed.signum() <= 0 ? (met ? BigDecimal.ONE : BigDecimal.ZERO) : done.divide(needed, PRECISION));
            boolean paced = indicator.flow() || target.baseline() != null;
            String status;
            if (met) {
                status = "ACHIEVED";
            } else if (!paced) {
                status = "NOT_ACHIEVED";
            } else if (progress.compareTo(round(new BigDecimal("0.95").multiply(expected))) >= 0) {
                status = "ON_TRACK";
            } else if (progress.compareTo(round(new BigDecimal("0.6").multiply(expected))) >= 0) {
                status = "AT_RISK";
            } else {
                status = "OFF_TRACK";
            }
            return new Assessed(indicator.code(), actual, target.value(), status, progress);
        }

        /** 100 × min(progress / max(expected, 0.01), 1), or 100 × min(progress, 1) without pace; 0 without data. */
        BigDecimal score(Indicator indicator, Assessed assessed, Target target) {
            if (assessed.progress() == null) {
                return BigDecimal.ZERO;
            }
            boolean paced = indicator.flow() || target.baseline() != null;
            BigDecimal ratio = paced
                    ? assessed.progress().divide(expected.max(new BigDecimal("0.01")), PRECISION)
                    : assessed.progress();
            return round(HUNDRED.multiply(ratio.min(BigDecimal.ONE).max(BigDecimal.ZERO)));
        }

        /** The region's figure as of the month, from the values of the regions it holds. */
        BigDecimal actual(Indicator indicator, String region) {
            String prefix = significant(region);
            Map<String, List<Observation>> byRegion = new LinkedHashMap<>();
            for (Observation o : byIndicator.getOrDefault(indicator.code(), List.of())) {
                boolean inside = indicator.aggregation().equals("LATEST")
                        ? o.region().equals(region)
                        : o.region().startsWith(prefix);
                if (inside && o.area().equals("TOTAL") && firstMonth(o.period()) <= asOf) {
                    byRegion.computeIfAbsent(o.region(), k -> new ArrayList<>()).add(o);
                }
            }
            if (byRegion.isEmpty()) {
                return null;
            }
            BigDecimal value = BigDecimal.ZERO;
            BigDecimal numerator = BigDecimal.ZERO;
            BigDecimal denominator = BigDecimal.ZERO;
            BigDecimal weighted = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            for (Map.Entry<String, List<Observation>> reporting : byRegion.entrySet()) {
                List<Observation> own = reporting.getValue();
                if (!indicator.flow()) {
                    // LEVEL: the latest period counts, carried forward.
                    own = List.of(own.stream()
                            .max(Comparator.comparingInt(o -> firstMonth(o.period())))
                            .orElseThrow());
                }
                for (Observation o : own) {
                    if (o.denominator() != null) {
                        numerator = numerator.add(o.numerator());
                        denominator = denominator.add(o.denominator());
                    } else {
                        BigDecimal w = BigDecimal.valueOf(populations.get(reporting.getKey()));
                        value = value.add(o.value());
                        weighted = weighted.add(w.multiply(o.value()));
                        weights = weights.add(w);
                    }
                }
            }
            BigDecimal actual =
                    switch (indicator.aggregation()) {
                        case "SUM", "COUNT_TRUE", "LATEST" -> value;
                        case "MEAN" -> value.divide(BigDecimal.valueOf(byRegion.size()), PRECISION);
                        case "WEIGHTED_MEAN" -> weighted.divide(weights, PRECISION);
                        case "RATIO" -> HUNDRED.multiply(numerator).divide(denominator, PRECISION);
                        case "SHARE_TRUE" -> HUNDRED.multiply(value)
                                .divide(
                                        BigDecimal.valueOf(villages.stream()
                                                .filter(v -> v.code().startsWith(prefix))
                                                .count()),
                                        PRECISION);
                        default -> throw new IllegalArgumentException("aggregation " + indicator.aggregation());
                    };
            return round(actual);
        }
    }

    /** The digits that every code below a region starts with. */
    static String significant(String code) {
        int end = code.length();
        while (end > 0 && code.charAt(end - 1) == '0') {
            end--;
        }
        int[] levels = {2, 4, 6, 9, 12};
        for (int level : levels) {
            if (end <= level) {
                return code.substring(0, level);
            }
        }
        return code;
    }

    static int firstMonth(String period) {
        if (period.length() == 4) {
            return 1;
        }
        if (period.charAt(4) == 'Q') {
            return (period.charAt(5) - '0') * 3 - 2;
        }
        return Integer.parseInt(period.substring(5));
    }

    static int lastMonth(String period) {
        if (period.length() == 4) {
            return 12;
        }
        return period.charAt(4) == 'Q' ? (period.charAt(5) - '0') * 3 : Integer.parseInt(period.substring(5));
    }

    static BigDecimal round(BigDecimal number) {
        BigDecimal stripped = number.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
