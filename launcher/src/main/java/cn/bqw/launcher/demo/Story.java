package cn.bqw.launcher.demo;

import cn.bqw.launcher.demo.Catalogue.Indicator;
import cn.bqw.launcher.demo.DemoCity.County;
import cn.bqw.launcher.demo.DemoCity.Village;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The 2025 targets and the values of January to the spec's last month that tell the programme's
 * story (shared reference README): 42,000 mu consolidated by mid-year, sewage treatment approaching
 * 60%, rural roads 15 points below urban, governance coverage under half, the pilot counts, and
 * counties ahead or behind by their pace. Every catalogue indicator gets values.
 */
public record Story(List<Target> targets, List<Observation> observations, List<Observation> revisions) {

    static final int YEAR = 2025;
    /** The month whose RURAL_TOILET values of one township are revised after its bulletin. */
    static final String REVISED_MONTH = YEAR + "-06";

    static final double GOVERNANCE_SHARE_NOW = 0.46;
    private static final double GOVERNANCE_SHARE_BEFORE = 0.40;
    /** Spring Festival slows January and February; December is the year-end push. */
    private static final double[] MONTH_WEIGHTS = {0.7, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.3};
    /** The city's land consolidation by month: 42,000 mu by the end of June. */
    private static final int[] LAND_MONTHS = {4000, 3000, 7000, 8500, 9500, 10000, 7500, 7000, 6500, 6000, 5500, 7000};

    private static final int[] TOILET_MONTHS = {10, 6, 15, 18, 19, 20, 19, 18, 17, 16, 18, 24};
    private static final int[] DEMO_VILLAGE_QUARTERS = {18, 24, 30, 12};
    /** 22 schools and 8,500 high-school seats by mid-year. */
    private static final int[] SCHOOL_QUARTERS = {10, 12, 8, 6};

    private static final int[] SEAT_QUARTERS = {4000, 4500, 3000, 2500};
    private static final int[] CHAIN_QUARTERS = {2, 1, 2, 1};
    /** 98 regional cooperation platforms at mid-year; 12% agri-forestry-water spending in the first half. */
    private static final double[][] CITY_QUARTERS = {{156, 171, 188, 203}, {86, 98, 104, 110}, {11.6, 12.0, 12.3, 12.5}
    };
    /** How much of its allocation a county delivers over the year at pace 1. */
    private static final Map<String, Double> DELIVERY = Map.of(
            "AGRI_HSF_NEW", 1.12,
            "AGRI_PROC_PROJ", 0.9,
            "RURAL_WATER_PIPE", 1.02,
            "RURAL_ROAD_KM", 1.24,
            "INCOME_URBAN_JOBS", 1.04,
            "INCOME_RURAL_PUBLIC_JOBS", 0.88);

    /** A target as indicator-service's target import takes it. */
    public record Target(
            String indicator, String region, int year, BigDecimal value, String kind, BigDecimal baseline) {}

    /** A value as indicator-service's observation import takes it. */
    public record Observation(
            String indicator,
            String region,
            String period,
            String area,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator) {

        static Observation of(String indicator, String region, String period, BigDecimal value) {
            return new Observation(indicator, region, period, "TOTAL", value, null, null);
        }
    }

    /** The story as it stands after its revisions: each revised value replaces the one first posted. */
    public Story revised() {
        Map<ValueKey, Observation> byKey = new LinkedHashMap<>();
        observations.forEach(o -> byKey.put(key(o), o));
        revisions.forEach(o -> byKey.put(key(o), o));
        return new Story(targets, List.copyOf(byKey.values()), List.of());
    }

    /**
     * The values the official view counts once the demo's approvals are in: the revised values of
     * every month through {@code approvedThrough} and of the quarters it completes (yearly values
     * are approved only once the year is).
     */
    public Story official(int approvedThrough) {
        return new Story(
                targets,
                revised().observations().stream()
                        .filter(o -> DemoApprovals.approved(o.period(), approvedThrough))
                        .toList(),
                List.of());
    }

    /** One value's key: a revision replaces the value of the same key. */
    private record ValueKey(String indicator, String region, String period, String area) {}

    private static ValueKey key(Observation o) {
        return new ValueKey(o.indicator(), o.region(), o.period(), o.area());
    }

    public static Story tell(DemoCity city, Catalogue catalogue) {
        return new Teller(city, catalogue).tell();
    }

    private static final class Teller {
        private final DemoCity city;
        private final Catalogue catalogue;
        private final SplittableRandom random;
        private final double scale;
        private final int lastMonth;
        private final int lastQuarter;
        private final Map<String, County> counties = new LinkedHashMap<>();
        private final List<Target> targets = new ArrayList<>();
        private final List<Observation> observations = new ArrayList<>();

        Teller(DemoCity city, Catalogue catalogue) {
            this.city = city;
            this.catalogue = catalogue;
            this.random = new SplittableRandom(city.spec().seed() * 31 + 7);
            this.scale = city.spec().scale();
            this.lastMonth = city.spec().lastMonth();
            this.lastQuarter = lastMonth / 3;
            city.counties().forEach(c -> counties.put(c.code(), c));
        }

        Story tell() {
            cityTargets();
            countyFlows();
            villageFlows();
            villageLevels();
            countyYearly();
            countyQuarterly();
            cityValues();
            return new Story(List.copyOf(targets), List.copyOf(observations), revisions());
        }

        /**
         * After the June bulletin, the township with the most June toilets finds each of its
         * villages reported one too few: its corrected values (only where June is approved by then).
         */
        private List<Observation> revisions() {
            if (DemoApprovals.approvedThrough(lastMonth) < 6) {
                return List.of();
            }
            List<Observation> june = observations.stream()
                    .filter(o ->
                            o.indicator().equals("RURAL_TOILET") && o.period().equals(REVISED_MONTH))
                    .sorted(java.util.Comparator.comparing(Observation::region))
                    .toList();
            if (june.isEmpty()) {
                return List.of();
            }
            // The township with the most of them (the first by code among equals).
            Map<String, Long> perTownship = new java.util.TreeMap<>();
            june.forEach(o -> perTownship.merge(DemoApprovals.township(o.region()), 1L, Long::sum));
            String township = perTownship.entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                    .orElseThrow()
                    .getKey();
            return june.stream()
                    .filter(o -> DemoApprovals.township(o.region()).equals(township))
                    .map(o -> Observation.of(
                            o.indicator(), o.region(), o.period(), o.value().add(BigDecimal.ONE)))
                    .toList();
        }

        /** The programme's 2025 city targets: amounts to deliver are binding, levels to reach expected. */
        private void cityTargets() {
            for (Indicator indicator : catalogue.indicators()) {
                if (indicator.cityTarget() != null) {
                    targets.add(new Target(
                            indicator.code(), city.city().code(), YEAR, indicator.cityTarget(), kind(indicator), null));
                }
            }
        }

        /** County-level monthly amounts: each county its share of the city target, times its pace. */
        private void countyFlows() {
            Map<String, ToDoubleFunction<County>> capacity = new LinkedHashMap<>();
            capacity.put("AGRI_HSF_NEW", c -> arable(c, false));
            capacity.put("AGRI_PROC_PROJ", c -> villagesOf(c).size());
            capacity.put("RURAL_WATER_PIPE", c -> villagesOf(c).size());
            capacity.put("RURAL_ROAD_KM", c -> villagesOf(c).size());
            capacity.put("INCOME_URBAN_JOBS", c -> c.division().population());
            capacity.put("INCOME_RURAL_PUBLIC_JOBS", c -> villagesOf(c).size());
            double yearWeight = sum(MONTH_WEIGHTS, 12);
            capacity.forEach((code, measure) -> {
                Indicator indicator = catalogue.get(code);
                // Farmland, rural water and roads, processing plants and rural jobs are the counties' work, not the
                // districts'.
                List<County> reporting = counties.values().stream()
                        .filter(c -> code.equals("INCOME_URBAN_JOBS")
                                || !c.division().urbanDistrict())
                        .toList();
                Map<String, Integer> allocation = allocate(indicator, reporting, measure);
                boolean whole = !"km".equals(indicator.unit());
                for (County county : reporting) {
                    double year = allocation.get(county.code()) * DELIVERY.get(code) * county.pace();
                    for (int m = 1; m <= lastMonth; m++) {
                        double amount = year * MONTH_WEIGHTS[m - 1] / yearWeight * (0.85 + 0.3 * random.nextDouble());
                        BigDecimal value = whole
                                ? BigDecimal.valueOf((long) Math.floor(amount + random.nextDouble()))
                                : DemoCity.decimal(amount, 1);
                        observations.add(Observation.of(code, county.code(), month(m), value));
                    }
                }
            });
        }

        /** Village-level amounts: the city's monthly or quarterly figure shared among villages, faster where the county's pace is. */
        private void villageFlows() {
            List<Village> consolidating = city.villages().stream()
                    .filter(v -> v.hasPilot("SMALL_TO_LARGE_FIELDS"))
                    .toList();
            allocate(catalogue.get("INCOME_LAND_CONSOLIDATED"), c -> arable(c, true));
            for (int m = 1; m <= lastMonth; m++) {
                List<Village> reporting = consolidating.stream()
                        .filter(v -> random.nextDouble() < 0.55)
                        .toList();
                double[] weights = new double[reporting.size()];
                for (int i = 0; i < weights.length; i++) {
                    Village v = reporting.get(i);
                    weights[i] = v.arableLandMu().doubleValue() * pace(v) * (0.5 + random.nextDouble());
                }
                // A few outliers: one village in April, July and September reports far more than its peers.
                if ((m == 4 || m == 7 || m == 9) && weights.length > 0) {
                    weights[random.nextInt(weights.length)] *= 12;
                }
                int[] amounts = Allocation.largestRemainder(scaled(LAND_MONTHS[m - 1]), weights);
                for (int i = 0; i < amounts.length; i++) {
                    if (amounts[i] > 0) {
                        observations.add(Observation.of(
                                "INCOME_LAND_CONSOLIDATED",
                                reporting.get(i).code(),
                                month(m),
                                BigDecimal.valueOf(amounts[i])));
                    }
                }
            }
            for (Village v : consolidating) {
                long rent = Math.round(126_000 * (0.6 + 0.8 * random.nextDouble()) / 100) * 100;
                observations.add(Observation.of(
                        "INCOME_LAND_RENT_PER_VILLAGE", v.code(), String.valueOf(YEAR), BigDecimal.valueOf(rent)));
            }

            allocate(catalogue.get("RURAL_TOILET"), c -> villagesOf(c).size());
            WeightedVillages all = new WeightedVillages(city.villages());
            for (int m = 1; m <= lastMonth; m++) {
                Map<String, Integer> built = new LinkedHashMap<>();
                for (int i = 0; i < scaled(TOILET_MONTHS[m - 1]); i++) {
                    built.merge(all.pick(random).code(), 1, Integer::sum);
                }
                int month = m;
                built.forEach((village, count) -> observations.add(
                        Observation.of("RURAL_TOILET", village, month(month), BigDecimal.valueOf(count))));
            }

            List<Village> demonstration = new ArrayList<>(city.villages().stream()
                    .filter(v -> v.category().equals("DEMONSTRATION"))
                    .toList());
            allocate(catalogue.get("RURAL_DEMO_VILLAGE"), c -> villagesOf(c).stream()
                    .filter(v -> v.category().equals("DEMONSTRATION"))
                    .count());
            for (int q = 1; q <= lastQuarter; q++) {
                for (int i = 0; i < scaled(DEMO_VILLAGE_QUARTERS[q - 1]) && !demonstration.isEmpty(); i++) {
                    Village chosen = new WeightedVillages(demonstration).pick(random);
                    demonstration.remove(chosen);
                    observations.add(Observation.of("RURAL_DEMO_VILLAGE", chosen.code(), quarter(q), BigDecimal.ONE));
                }
            }
        }

        /**
         * Village 0/1 levels, reported every quarter: sewage treatment (48% before 2025, more in each
         * quarter, faster in faster counties), points/list governance (40% before 2025, 46% now: the
         * villages with either pilot), and the two reform pilots (joined in the first half).
         */
        private void villageLevels() {
            Map<String, Integer> sewageFrom = new HashMap<>();
            for (Village v : city.villages()) {
                double pace = pace(v);
                double u = random.nextDouble();
                double before = 0.48 + (pace - 1) * 0.25;
                double[] added = {0.04 * pace, 0.03 * pace, 0.03 * pace, 0.015};
                int from = u < before ? 0 : 5;
                double reach = before;
                for (int q = 0; q < 4 && from == 5; q++) {
                    reach += added[q];
                    if (u < reach) {
                        from = q + 1;
                    }
                }
                sewageFrom.put(v.code(), from);
            }
            Map<String, Integer> governedFrom = new HashMap<>();
            List<Village> governed = city.villages().stream()
                    .filter(v -> v.hasPilot("POINTS_GOVERNANCE") || v.hasPilot("LIST_GOVERNANCE"))
                    .toList();
            List<Integer> order = DemoCity.shuffled(governed.size(), random);
            int before = (int) Math.round(governed.size() * GOVERNANCE_SHARE_BEFORE / GOVERNANCE_SHARE_NOW);
            for (int i = 0; i < order.size(); i++) {
                int from = i < before ? 0 : 1 + (i - before) * 3 / Math.max(1, governed.size() - before);
                governedFrom.put(governed.get(order.get(i)).code(), from);
            }
            for (Village v : city.villages()) {
                for (int q = 1; q <= lastQuarter; q++) {
                    observations.add(Observation.of(
                            "RURAL_SEWAGE_RATE", v.code(), quarter(q), flag(sewageFrom.get(v.code()) <= q)));
                    observations.add(Observation.of(
                            "REFORM_GOVERNANCE_COVERAGE",
                            v.code(),
                            quarter(q),
                            flag(governedFrom.getOrDefault(v.code(), 5) <= q)));
                }
            }
            levelTargets("RURAL_SEWAGE_RATE", sewageFrom);
            levelTargets("REFORM_GOVERNANCE_COVERAGE", governedFrom);
            pilot("REFORM_SHARE_FIELD_PILOT", "LAND_SHARE_COOPERATIVE", 5.0 / 8);
            pilot("REFORM_TUMA_PILOT", "MAP_AND_CODE", 100.0 / 154);
        }

        /** The pilot's villages report 1 every quarter from the one they joined in (Q1, else Q2). */
        private void pilot(String indicator, String pilot, double firstQuarterShare) {
            List<Village> members =
                    city.villages().stream().filter(v -> v.hasPilot(pilot)).toList();
            int early = (int) Math.round(members.size() * firstQuarterShare);
            for (int i = 0; i < members.size(); i++) {
                for (int q = i < early ? 1 : 2; q <= lastQuarter; q++) {
                    observations.add(Observation.of(indicator, members.get(i).code(), quarter(q), BigDecimal.ONE));
                }
            }
        }

        /**
         * The city's level target for each county too, with each region's own share before 2025 as
         * its baseline, so that pace is measured from where each started.
         */
        private void levelTargets(String code, Map<String, Integer> from) {
            Indicator indicator = catalogue.get(code);
            targets.removeIf(t -> t.indicator().equals(code));
            targets.add(new Target(
                    code,
                    city.city().code(),
                    YEAR,
                    indicator.cityTarget(),
                    kind(indicator),
                    shareBefore(city.villages(), from)));
            for (County county : counties.values()) {
                targets.add(new Target(
                        code,
                        county.code(),
                        YEAR,
                        indicator.cityTarget(),
                        kind(indicator),
                        shareBefore(villagesOf(county), from)));
            }
        }

        private static BigDecimal shareBefore(List<Village> villages, Map<String, Integer> from) {
            long before = villages.stream()
                    .filter(v -> from.getOrDefault(v.code(), 5) == 0)
                    .count();
            return DemoCity.decimal(100.0 * before / villages.size(), 1);
        }

        /** Yearly county values: the urban–rural pairs, wage share, medical insurance. */
        private void countyYearly() {
            String year = String.valueOf(YEAR);
            for (County county : counties.values()) {
                String code = county.code();
                boolean district = county.division().urbanDistrict();
                int population = county.division().population();
                int rural = villagesOf(county).stream()
                        .mapToInt(Village::residentPopulation)
                        .sum();
                double ruralShare = rural / (double) population;

                double urbanRate = 0.85 + 0.05 * random.nextDouble();
                double ruralRate = urbanRate - 0.15 + 0.03 * (random.nextDouble() - 0.5);
                BigDecimal urbanKm = DemoCity.decimal(
                        district ? 400 + 300 * random.nextDouble() : 150 + 250 * random.nextDouble(), 1);
                BigDecimal ruralKm = DemoCity.decimal(
                        district ? 100 + 100 * random.nextDouble() : 600 + 1400 * random.nextDouble(), 1);
                BigDecimal urbanGood =
                        urbanKm.multiply(BigDecimal.valueOf(urbanRate)).setScale(1, RoundingMode.HALF_EVEN);
                BigDecimal ruralGood =
                        ruralKm.multiply(BigDecimal.valueOf(ruralRate)).setScale(1, RoundingMode.HALF_EVEN);
                observations.add(ratio("RURAL_ROAD_GOOD_RATE", code, year, "URBAN", urbanGood, urbanKm));
                observations.add(ratio("RURAL_ROAD_GOOD_RATE", code, year, "RURAL", ruralGood, ruralKm));
                observations.add(ratio(
                        "RURAL_ROAD_GOOD_RATE", code, year, "TOTAL", urbanGood.add(ruralGood), urbanKm.add(ruralKm)));

                double wages = district
                        ? 50 + 2 * (random.nextDouble() - 0.5)
                        : 46 + 12 * (county.pace() - 0.95) + 2 * (random.nextDouble() - 0.5);
                observations.add(Observation.of("INCOME_WAGE_SHARE", code, year, DemoCity.decimal(wages, 1)));

                long urbanIncome = 52_000 + Math.round(8_000 * random.nextDouble());
                long ruralIncome = Math.round((23_000 + 5_000 * random.nextDouble()) * county.pace());
                urbanRural("INCOME_RURAL_PER_CAPITA", code, urbanIncome, ruralIncome, ruralShare, 0);

                long ruralResources = 55 + Math.round(10 * random.nextDouble());
                urbanRural("SERVICE_RURAL_RESOURCE_RATIO", code, 100, ruralResources, ruralShare, 1);

                long insured =
                        Math.round(population * (0.978 + 0.01 * random.nextDouble() + 0.01 * (county.pace() - 1)));
                observations.add(ratio(
                        "SERVICE_MEDICAL_INSURANCE",
                        code,
                        year,
                        "TOTAL",
                        BigDecimal.valueOf(Math.min(insured, population)),
                        BigDecimal.valueOf(population)));
            }
            for (String code : List.of("INCOME_WAGE_SHARE", "SERVICE_MEDICAL_INSURANCE")) {
                for (County county : counties.values()) {
                    targets.add(new Target(
                            code, county.code(), YEAR, catalogue.get(code).cityTarget(), "EXPECTED", null));
                }
            }
        }

        /** An urban, a rural and a total value (the population-weighted mix) for one county. */
        private void urbanRural(String indicator, String county, long urban, long rural, double ruralShare, int scale) {
            String year = String.valueOf(YEAR);
            observations.add(new Observation(indicator, county, year, "URBAN", BigDecimal.valueOf(urban), null, null));
            observations.add(new Observation(indicator, county, year, "RURAL", BigDecimal.valueOf(rural), null, null));
            observations.add(Observation.of(
                    indicator, county, year, DemoCity.decimal(urban * (1 - ruralShare) + rural * ruralShare, scale)));
        }

        /** Quarterly county amounts: schools and high-school seats (22 and 8,500 by mid-year). */
        private void countyQuarterly() {
            List<County> all = List.copyOf(counties.values());
            double[] weights = all.stream()
                    .mapToDouble(c -> c.division().population() * c.pace())
                    .toArray();
            for (int q = 1; q <= lastQuarter; q++) {
                int[] schools = Allocation.largestRemainder(scaled(SCHOOL_QUARTERS[q - 1]), weights);
                int[] seats = Allocation.largestRemainder(scaled(SEAT_QUARTERS[q - 1]), weights);
                for (int i = 0; i < all.size(); i++) {
                    observations.add(Observation.of(
                            "SERVICE_SCHOOLS", all.get(i).code(), quarter(q), BigDecimal.valueOf(schools[i])));
                    observations.add(Observation.of(
                            "SERVICE_HIGH_SCHOOL_SEATS", all.get(i).code(), quarter(q), BigDecimal.valueOf(seats[i])));
                }
            }
        }

        /** What only the city reports. */
        private void cityValues() {
            String cityCode = city.city().code();
            String[] quarterly = {"REGION_CROSS_PROVINCE_ITEMS", "REGION_COOP_PLATFORMS", "REFORM_AGRI_SPENDING_SHARE"};
            for (int q = 1; q <= lastQuarter; q++) {
                observations.add(
                        Observation.of("AGRI_CHAIN", cityCode, quarter(q), BigDecimal.valueOf(CHAIN_QUARTERS[q - 1])));
                for (int i = 0; i < quarterly.length; i++) {
                    observations.add(Observation.of(
                            quarterly[i], cityCode, quarter(q), BigDecimal.valueOf(CITY_QUARTERS[i][q - 1])));
                }
            }
            String year = String.valueOf(YEAR);
            observations.add(Observation.of("REGION_COUNTY_GDP_SHARE", cityCode, year, new BigDecimal("37.6")));
            observations.add(Observation.of("REGION_INDUSTRY_HOMOGENEITY", cityCode, year, new BigDecimal("62.4")));
            observations.add(Observation.of("REFORM_LAND_QUOTA_RURAL_SHARE", cityCode, year, new BigDecimal("52")));
        }

        /** Each county's whole share of the city target, in proportion to its capacity; recorded as county targets. */
        private Map<String, Integer> allocate(Indicator indicator, ToDoubleFunction<County> capacity) {
            return allocate(indicator, List.copyOf(counties.values()), capacity);
        }

        private Map<String, Integer> allocate(
                Indicator indicator, List<County> all, ToDoubleFunction<County> capacity) {
            int[] shares = Allocation.largestRemainder(
                    indicator.cityTarget().intValueExact(),
                    all.stream().mapToDouble(capacity).toArray());
            Map<String, Integer> allocation = new LinkedHashMap<>();
            for (int i = 0; i < all.size(); i++) {
                allocation.put(all.get(i).code(), shares[i]);
                targets.add(new Target(
                        indicator.code(),
                        all.get(i).code(),
                        YEAR,
                        BigDecimal.valueOf(shares[i]),
                        kind(indicator),
                        null));
            }
            return allocation;
        }

        private List<Village> villagesOf(County county) {
            return city.villages().stream()
                    .filter(v -> v.countyCode().equals(county.code()))
                    .toList();
        }

        private double arable(County county, boolean consolidatingOnly) {
            return villagesOf(county).stream()
                    .filter(v -> !consolidatingOnly || v.hasPilot("SMALL_TO_LARGE_FIELDS"))
                    .mapToDouble(v -> v.arableLandMu().doubleValue())
                    .sum();
        }

        private double pace(Village village) {
            return counties.get(village.countyCode()).pace();
        }

        private int scaled(int figure) {
            return (int) Math.round(figure * scale);
        }

        /** Picks villages with a chance in proportion to their county's pace. */
        private final class WeightedVillages {
            private final List<Village> villages;
            private final double[] cumulative;

            WeightedVillages(List<Village> villages) {
                this.villages = villages;
                this.cumulative = new double[villages.size()];
                double sum = 0;
                for (int i = 0; i < villages.size(); i++) {
                    sum += pace(villages.get(i));
                    cumulative[i] = sum;
                }
            }

            Village pick(SplittableRandom random) {
                double at = random.nextDouble() * cumulative[cumulative.length - 1];
                int i = java.util.Arrays.binarySearch(cumulative, at);
                return villages.get(i >= 0 ? i : Math.min(-i - 1, villages.size() - 1));
            }
        }
    }

    private static Observation ratio(
            String indicator, String region, String period, String area, BigDecimal num, BigDecimal den) {
        return new Observation(indicator, region, period, area, null, num, den);
    }

    private static String kind(Indicator indicator) {
        return "CUMULATIVE_AT_LEAST".equals(indicator.targetRule()) ? "BINDING" : "EXPECTED";
    }

    private static BigDecimal flag(boolean value) {
        return value ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    private static String month(int m) {
        return YEAR + "-" + String.format("%02d", m);
    }

    private static String quarter(int q) {
        return YEAR + "Q" + q;
    }

    private static double sum(double[] values, int upTo) {
        double sum = 0;
        for (int i = 0; i < upTo; i++) {
            sum += values[i];
        }
        return sum;
    }
}
