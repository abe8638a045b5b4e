package cn.bqw.launcher;

import cn.bqw.launcher.demo.Catalogue;
import cn.bqw.launcher.demo.DemoApprovals;
import cn.bqw.launcher.demo.DemoCheck;
import cn.bqw.launcher.demo.DemoCity;
import cn.bqw.launcher.demo.DemoLoader;
import cn.bqw.launcher.demo.DemoProvince;
import cn.bqw.launcher.demo.Figures;
import cn.bqw.launcher.demo.Story;
import cn.bqw.local.DevKeys;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * {@code ./bqw load} and {@code ./bqw demo-check}, and the demo city that {@code ./bqw up} loads
 * on an empty data directory. The data set loaded is remembered in {@code demo.properties} so that
 * the check regenerates the same figures.
 */
final class DemoCommand {

    private final Path home;

    DemoCommand(Path home) {
        this.home = home;
    }

    /** {@code load [--villages N] [--seed N] [--months M] [--cities N]} into the running platform. */
    int load(List<String> args) throws InterruptedException {
        DemoCity.Spec demo = DemoCity.Spec.demo();
        Options options = Options.parse(args, Set.of(), Set.of("--seed", "--villages", "--months", "--cities"));
        DemoCity.Spec spec = new DemoCity.Spec(
                options.number("--seed").orElse(demo.seed()),
                options.number("--villages").map(Math::toIntExact).orElse(demo.villages()),
                options.number("--months").map(Math::toIntExact).orElse(demo.lastMonth()),
                options.number("--cities").map(Math::toIntExact).orElse(1));
        Optional<DemoCity.Spec> loaded = loaded();
        if (loaded.isPresent() && !loaded.get().equals(spec)) {
            System.err.println("another data set is loaded here (" + describe(loaded.get()) + "); both would add up in"
                    + " the reports. Start from an empty platform: ./bqw up --fresh --no-demo");
            return 1;
        }
        return load(spec);
    }

    int load(DemoCity.Spec spec) throws InterruptedException {
        long started = System.nanoTime();
        Catalogue catalogue = Catalogue.load();
        remember(spec);
        try {
            if (spec.cities() == 1) {
                DemoCity city = DemoCity.generate(spec);
                Story story = Story.tell(city, catalogue);
                describeLoad(spec, List.of(city), story);
                new DemoLoader(token("admin")).load(city, story, catalogue);
            } else {
                DemoProvince province = DemoProvince.generate(spec);
                Story story = province.story(catalogue);
                describeLoad(spec, province.cities(), story);
                new DemoLoader(token("admin")).load(province, story, catalogue);
            }
        } catch (RuntimeException e) {
            System.err.println("loading failed: " + e.getMessage());
            return 1;
        }
        System.out.printf("▸ loaded in %.0f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static void describeLoad(DemoCity.Spec spec, List<DemoCity> cities, Story story) {
        System.out.printf(
                "▸ loading %s: %d county-level divisions, %d townships, %,d villages, %,d targets, %,d values%n",
                describe(spec),
                cities.stream().mapToInt(c -> c.counties().size()).sum(),
                cities.stream().mapToInt(c -> c.townships().size()).sum(),
                cities.stream().mapToInt(c -> c.villages().size()).sum(),
                story.targets().size(),
                story.observations().size());
    }

    /** Every city of the data set loaded, and the province when there are several, against the generator's figures. */
    int check() throws InterruptedException {
        Optional<DemoCity.Spec> spec = loaded();
        if (spec.isEmpty()) {
            System.err.println("no data set has been loaded here (" + home.resolve("demo.properties") + ")");
            return 1;
        }
        Catalogue catalogue = Catalogue.load();
        int approvedThrough = DemoApprovals.approvedThrough(spec.get().lastMonth());
        DemoCheck check = new DemoCheck(token("viewer"));
        List<String> differences = new java.util.ArrayList<>();
        int indicators = 0;
        int scorecards = 0;
        try {
            List<DemoCheck.Region> regions = new java.util.ArrayList<>();
            List<DemoCity> cities;
            if (spec.get().cities() == 1) {
                cities = List.of(DemoCity.generate(spec.get()));
            } else {
                // The province first, its tables printed; it publishes no bulletins here.
                DemoProvince province = DemoProvince.generate(spec.get());
                cities = province.cities();
                Story story = province.story(catalogue);
                regions.add(new DemoCheck.Region(
                        province.province().code(),
                        Figures.of(province, story.revised(), catalogue),
                        Figures.of(province, story.official(approvedThrough), catalogue),
                        List.of(),
                        false,
                        true));
            }
            for (DemoCity city : cities) {
                Story story = Story.tell(city, catalogue);
                regions.add(new DemoCheck.Region(
                        city.city().code(),
                        Figures.of(city, story.revised(), catalogue),
                        Figures.of(city, story.official(approvedThrough), catalogue),
                        story.revisions(),
                        true,
                        cities.size() == 1));
            }
            for (DemoCheck.Region region : regions) {
                differences.addAll(check.run(region, catalogue));
                indicators += region.figures().city().size();
                scorecards += region.figures().rankings().size();
            }
        } catch (RuntimeException e) {
            System.err.println("demo-check could not read the reports: " + e.getMessage());
            return 1;
        }
        if (differences.isEmpty()) {
            System.out.printf(
                    "demo-check: no difference. %d indicators on the overviews and %d scores and ranks agree"
                            + " with the generator's own figures, in both views (%s)%n",
                    indicators, scorecards, describe(spec.get()));
            return 0;
        }
        System.out.println("demo-check: " + differences.size() + " differences:");
        differences.forEach(d -> System.out.println("  " + d));
        return 1;
    }

    private String token(String role) {
        return DevKeys.in(home.resolve("keys"))
                .sign(DevKeys.claims("bqw-demo", Set.of(role), List.of(), Duration.ofHours(1)));
    }

    Optional<DemoCity.Spec> loaded() {
        Path file = home.resolve("demo.properties");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new DemoCity.Spec(
                Long.parseLong(properties.getProperty("seed")),
                Integer.parseInt(properties.getProperty("villages")),
                Integer.parseInt(properties.getProperty("months")),
                Integer.parseInt(properties.getProperty("cities", "1"))));
    }

    private void remember(DemoCity.Spec spec) {
        Properties properties = new Properties();
        properties.setProperty("seed", Long.toString(spec.seed()));
        properties.setProperty("villages", Integer.toString(spec.villages()));
        properties.setProperty("months", Integer.toString(spec.lastMonth()));
        properties.setProperty("cities", Integer.toString(spec.cities()));
        try {
            Files.createDirectories(home);
            try (Writer out = Files.newBufferedWriter(home.resolve("demo.properties"))) {
                properties.store(out, "the data set ./bqw load generated; ./bqw demo-check regenerates it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(DemoCity.Spec spec) {
        return String.format(
                "%s with %,d villages, seed %d, January–%s 2025",
                spec.cities() == 1 ? "云溪市" : "云岭省 of " + spec.cities() + " cities",
                spec.villages(),
                spec.seed(),
                java.time.Month.of(spec.lastMonth())
                        .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
    }
}
