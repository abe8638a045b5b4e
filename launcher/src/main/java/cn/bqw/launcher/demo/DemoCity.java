package cn.bqw.launcher.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A fictional city of the programme, generated from a seed: 云溪市 under the fictional province
 * prefix 99, three urban districts and four counties per 2,500 villages, townships of about twenty
 * villages each, and villages with categories, plan types, belts, pilots and populations in the
 * proportions the programme reports. The same seed and size give the same city, to the digit.
 */
public record DemoCity(
        Spec spec, Division city, List<County> counties, List<Division> townships, List<Village> villages) {

    public static final String CITY_CODE = "990100000000";
    static final int DEMO_SIZE = 2500;

    /**
     * What to generate: the seed, how many villages, the last month of 2025 with values, and how
     * many cities share the villages (more than one: a province, {@link DemoProvince}).
     */
    public record Spec(long seed, int villages, int lastMonth, int cities) {
        public Spec {
            if (cities < 1 || cities > CITY_NAMES.length) {
                throw new IllegalArgumentException("cities: 1 to " + CITY_NAMES.length);
            }
            if (villages < 100 * cities || villages > 100_000) {
                throw new IllegalArgumentException("villages: between 100 a city and 100,000");
            }
            if (lastMonth < 1 || lastMonth > 12) {
                throw new IllegalArgumentException("lastMonth: 1 to 12");
            }
        }

        public Spec(long seed, int villages, int lastMonth) {
            this(seed, villages, lastMonth, 1);
        }

        /** The demo city of {@code ./bqw up}: 2,500 villages, values for January to November 2025. */
        public static Spec demo() {
            return new Spec(2025, DEMO_SIZE, 11);
        }

        /**
         * The city numbered {@code number} (from 1) of a province: an equal share of the villages
         * (the first takes the remainder) and a seed of its own; the first city of one is this city.
         */
        Spec city(int number) {
            int share = villages / cities + (number == 1 ? villages % cities : 0);
            return new Spec(seed + number - 1, share, lastMonth, 1);
        }

        /** How many times the demo city this is; the programme's figures scale with it. */
        double scale() {
            return villages / (double) DEMO_SIZE;
        }
    }

    /** A city, county-level division or township as village-service's division import takes it. */
    public record Division(
            String code, String nameZh, String nameEn, String countyClass, boolean urbanDistrict, Integer population) {}

    /**
     * A county-level division (an urban district, a county or a county-level city) and its pace:
     * how fast it delivers against its share of the city's targets (1 = exactly on plan), which is
     * what makes statuses and rankings differ.
     */
    public record County(Division division, double pace) {
        String code() {
            return division.code();
        }
    }

    /** A village's profile as village-service's village import takes it. */
    public record Village(
            String code,
            String nameZh,
            String category,
            String planType,
            List<String> belts,
            List<String> pilots,
            int registeredPopulation,
            int residentPopulation,
            int households,
            BigDecimal areaKm2,
            BigDecimal arableLandMu,
            BigDecimal latitude,
            BigDecimal longitude) {

        String countyCode() {
            return code.substring(0, 6) + "000000";
        }

        boolean hasPilot(String pilot) {
            return pilots.contains(pilot);
        }

        Village with(String newCategory, List<String> newPilots) {
            return new Village(
                    code,
                    nameZh,
                    newCategory,
                    planType,
                    belts,
                    newPilots,
                    registeredPopulation,
                    residentPopulation,
                    households,
                    areaKm2,
                    arableLandMu,
                    latitude,
                    longitude);
        }
    }

    private static final double[] COUNTY_PACES = {1.1, 1.0, 0.9, 0.74};
    private static final String[] COUNTY_CLASSES = {"LEAD", "ADVANCE", "STRENGTHEN", "STRENGTHEN"};
    private static final double[] DISTRICT_PACES = {1.06, 0.97, 1.02};
    private static final String[] DISTRICT_CLASSES = {"LEAD", "LEAD", "ADVANCE"};
    private static final double DISTRICT_VILLAGE_SHARE = 0.12;
    private static final int VILLAGES_PER_TOWNSHIP = 19;

    /** The cities' names, in code order: 云溪市 (9901) first. */
    static final String[][] CITY_NAMES = {
        {"云溪市", "Yunxi City"},
        {"青岚市", "Qinglan City"},
        {"梅江市", "Meijiang City"},
        {"沙湾市", "Shawan City"},
        {"石门市", "Shimen City"},
        {"桂林湾市", "Guilinwan City"},
        {"南屏市", "Nanping City"},
        {"北岭市", "Beiling City"},
        {"东澜市", "Donglan City"}
    };

    /** The demo city, 云溪市 (990100000000). */
    public static DemoCity generate(Spec spec) {
        return generate(spec, 1);
    }

    /** The city numbered {@code number} of the fictional province 99: codes 99NN…, its own name. */
    static DemoCity generate(Spec spec, int cityNumber) {
        String cityPrefix = String.format("99%02d", cityNumber);
        SplittableRandom random = new SplittableRandom(spec.seed());
        Names names = new Names(random);
        int countyCount = Math.max(1, (int) Math.round(4 * spec.scale()));
        int districtVillages = (int) Math.round(spec.villages() * DISTRICT_VILLAGE_SHARE);
        int[] perDistrict = split(districtVillages, 3, random);
        int[] perCounty = split(spec.villages() - districtVillages, countyCount, random);

        List<County> counties = new ArrayList<>();
        List<Division> townships = new ArrayList<>();
        List<Village> villages = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            String prefix = cityPrefix + String.format("%02d", d + 2);
            List<Village> own = new ArrayList<>();
            // Urban districts: eight 街道 without villages, and four 镇 that hold the district's villages.
            for (int t = 1; t <= 8; t++) {
                townships.add(township(prefix + String.format("%03d", t), names.division("街道")));
            }
            int[] perTown = split(perDistrict[d], 4, random);
            for (int t = 0; t < 4; t++) {
                String code = prefix + (101 + t);
                townships.add(township(code, names.division("镇")));
                own.addAll(villages(code, perTown[t], true, names, random));
            }
            int urbanResidents = 380_000 + random.nextInt(320_000);
            counties.add(new County(
                    new Division(
                            prefix + "000000",
                            names.division("区"),
                            null,
                            DISTRICT_CLASSES[d],
                            true,
                            urbanResidents + residents(own)),
                    DISTRICT_PACES[d]));
            villages.addAll(own);
        }
        for (int c = 0; c < countyCount; c++) {
            boolean countyCity = c % 4 == 0;
            String prefix =
                    cityPrefix + (countyCity ? String.valueOf(81 + c / 4) : String.format("%02d", 21 + c - c / 4 - 1));
            int townshipCount = Math.max(1, Math.min(499, Math.round(perCounty[c] / (float) VILLAGES_PER_TOWNSHIP)));
            int[] perTown = split(perCounty[c], townshipCount, random);
            List<Village> own = new ArrayList<>();
            for (int t = 0; t < townshipCount; t++) {
                // Four in five are 镇 (101–), the rest 乡 (201–).
                boolean town = t < Math.ceil(townshipCount * 0.8);
                int number = town ? 101 + t : 201 + t - (int) Math.ceil(townshipCount * 0.8);
                String code = prefix + number;
                townships.add(township(code, names.division(town ? "镇" : "乡")));
                own.addAll(villages(code, perTown[t], false, names, random));
            }
            int townResidents = 120_000 + random.nextInt(200_000);
            counties.add(new County(
                    new Division(
                            prefix + "000000",
                            names.division(countyCity ? "市" : "县"),
                            null,
                            COUNTY_CLASSES[c % 4],
                            false,
                            townResidents + residents(own)),
                    COUNTY_PACES[c % 4]));
            villages.addAll(own);
        }
        assignCategories(villages, spec, random);
        assignPilots(villages, spec, random);
        int population =
                counties.stream().mapToInt(c -> c.division().population()).sum();
        Division city = new Division(
                cityPrefix + "00000000",
                CITY_NAMES[cityNumber - 1][0],
                CITY_NAMES[cityNumber - 1][1],
                null,
                false,
                population);
        return new DemoCity(spec, city, List.copyOf(counties), List.copyOf(townships), List.copyOf(villages));
    }

    /** The programme's proportions: 1 in 25 villages a demonstration village, 2 in 5 under renovation. */
    private static void assignCategories(List<Village> villages, Spec spec, SplittableRandom random) {
        List<Integer> order = shuffled(villages.size(), random);
        int demonstration = (int) Math.round(100 * spec.scale());
        int renovation = (int) Math.round(1000 * spec.scale());
        for (int i = 0; i < order.size(); i++) {
            int at = order.get(i);
            String category =
                    i < demonstration ? "DEMONSTRATION" : i < demonstration + renovation ? "RENOVATION" : "ORDINARY";
            villages.set(at, villages.get(at).with(category, villages.get(at).pilots()));
        }
    }

    /**
     * 128 land-share cooperative and 154 map-and-code pilots per 2,500 villages (the programme's
     * figures), small-to-large fields in about one in six, points or list governance in 46%.
     */
    private static void assignPilots(List<Village> villages, Spec spec, SplittableRandom random) {
        List<Set<String>> pilots = new ArrayList<>();
        villages.forEach(v -> pilots.add(new LinkedHashSet<>()));
        addPilot(
                pilots,
                shuffled(villages.size(), random),
                (int) Math.round(128 * spec.scale()),
                "LAND_SHARE_COOPERATIVE");
        addPilot(pilots, shuffled(villages.size(), random), (int) Math.round(154 * spec.scale()), "MAP_AND_CODE");
        addPilot(pilots, shuffled(villages.size(), random), villages.size() / 6, "SMALL_TO_LARGE_FIELDS");
        List<Integer> governed = shuffled(villages.size(), random)
                .subList(0, (int) Math.round(villages.size() * Story.GOVERNANCE_SHARE_NOW));
        for (int i = 0; i < governed.size(); i++) {
            Set<String> own = pilots.get(governed.get(i));
            int kind = i % 20;
            if (kind < 12 || kind >= 17) {
                own.add("POINTS_GOVERNANCE");
            }
            if (kind >= 12) {
                own.add("LIST_GOVERNANCE");
            }
        }
        for (int i = 0; i < villages.size(); i++) {
            Village v = villages.get(i);
            List<String> sorted = new ArrayList<>(pilots.get(i));
            Collections.sort(sorted);
            villages.set(i, v.with(v.category(), List.copyOf(sorted)));
        }
    }

    private static void addPilot(List<Set<String>> pilots, List<Integer> order, int count, String pilot) {
        order.subList(0, Math.min(count, order.size()))
                .forEach(i -> pilots.get(i).add(pilot));
    }

    private static List<Village> villages(
            String township, int count, boolean urban, Names names, SplittableRandom random) {
        List<Village> villages = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        double[] centre = townshipCentre(township);
        for (int v = 0; v < count; v++) {
            int resident = 600 + (int) (2900 * Math.pow(random.nextDouble(), 1.5));
            double r = random.nextDouble();
            String planType = urban && r < 0.5
                    ? "SUBURBAN"
                    : r < 0.3
                            ? "AGGLOMERATION"
                            : r < 0.45
                                    ? "SUBURBAN"
                                    : r < 0.65 ? "CHARACTERISTIC" : r < 0.7 ? "RELOCATION" : "UNDETERMINED";
            List<String> belts = new ArrayList<>();
            if (!urban && township.charAt(5) % 2 == 1 && random.nextDouble() < 0.35) {
                belts.add("OLD_COURSE_CORRIDOR");
            }
            if (urban || random.nextDouble() < 0.15) {
                belts.add("URBAN_AGRI_BELT");
            }
            villages.add(new Village(
                    township.substring(0, 9) + (201 + v),
                    names.village(taken),
                    "ORDINARY",
                    planType,
                    List.copyOf(belts),
                    List.of(),
                    (int) (resident * (1.05 + 0.35 * random.nextDouble())),
                    resident,
                    (int) (resident / (3.0 + 0.6 * random.nextDouble())),
                    decimal(2 + 10 * random.nextDouble(), 3),
                    decimal((urban ? 300 : 800) + 5200 * random.nextDouble(), 2),
                    decimal(centre[0] + 0.05 * (random.nextDouble() - 0.5), 6),
                    decimal(centre[1] + 0.06 * (random.nextDouble() - 0.5), 6)));
        }
        return villages;
    }

    /**
     * Where a township's villages cluster, as on a real map: the city somewhere in 22.5–24.5° N,
     * 112.5–114.5° E, its county's centre within ≈ 35 km of the city's, the township's within ≈ 8 km
     * of its county's; all fixed by their codes, so the rest of the generator draws the same numbers
     * as before and a province's cities lie apart.
     */
    static double[] townshipCentre(String township) {
        SplittableRandom city = new SplittableRandom(Long.parseLong(township.substring(0, 4)));
        SplittableRandom county = new SplittableRandom(Long.parseLong(township.substring(0, 6)));
        SplittableRandom own = new SplittableRandom(Long.parseLong(township.substring(0, 9)));
        double latitude =
                22.8 + 1.4 * city.nextDouble() + 0.6 * (county.nextDouble() - 0.5) + 0.14 * (own.nextDouble() - 0.5);
        double longitude =
                112.8 + 1.4 * city.nextDouble() + 0.7 * (county.nextDouble() - 0.5) + 0.16 * (own.nextDouble() - 0.5);
        return new double[] {latitude, longitude};
    }

    private static Division township(String code, String name) {
        return new Division(code + "000", name, null, null, false, null);
    }

    private static int residents(List<Village> villages) {
        return villages.stream().mapToInt(Village::residentPopulation).sum();
    }

    /** {@code total} in {@code parts} whole shares of uneven size (±40%) that add up exactly. */
    static int[] split(int total, int parts, SplittableRandom random) {
        double[] weights = IntStream.range(0, parts)
                .mapToDouble(i -> 0.6 + 0.8 * random.nextDouble())
                .toArray();
        return Allocation.largestRemainder(total, weights);
    }

    static List<Integer> shuffled(int size, SplittableRandom random) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, size).boxed().toList());
        for (int i = size - 1; i > 0; i--) {
            Collections.swap(order, i, random.nextInt(i + 1));
        }
        return order;
    }

    static BigDecimal decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
