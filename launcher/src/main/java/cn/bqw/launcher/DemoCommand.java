package cn.bqw.launcher;

import cn.bqw.launcher.demo.Catalogue;
import cn.bqw.launcher.demo.DemoApprovals;
import cn.bqw.launcher.demo.DemoCheck;
import cn.bqw.launcher.demo.DemoCity;
import cn.bqw.launcher.demo.DemoLoader;
import cn.bqw.launcher.demo.Figures;
import cn.bqw.launcher.demo.Story;
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

    /** {@code load [--villages N] [--seed N] [--months M]} into the running platform. */
    int load(List<String> args) throws InterruptedException {
        DemoCity.Spec demo = DemoCity.Spec.demo();
        DemoCity.Spec spec = new DemoCity.Spec(
                option(args, "--seed").map(Long::parseLong).orElse(demo.seed()),
                option(args, "--villages").map(Integer::parseInt).orElse(demo.villages()),
                option(args, "--months").map(Integer::parseInt).orElse(demo.lastMonth()));
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
        DemoCity city = DemoCity.generate(spec);
        Story story = Story.tell(city, catalogue);
        System.out.printf(
                "▸ loading %s: %d county-level divisions, %d townships, %,d villages, %,d targets, %,d values%n",
                describe(spec),
                city.counties().size(),
                city.townships().size(),
                city.villages().size(),
                story.targets().size(),
                story.observations().size());
        remember(spec);
        try {
            new DemoLoader(token("admin")).load(city, story, catalogue);
        } catch (RuntimeException e) {
            System.err.println("loading failed: " + e.getMessage());
            return 1;
        }
        System.out.printf("▸ loaded in %.0f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    int check() throws InterruptedException {
        Optional<DemoCity.Spec> spec = loaded();
        if (spec.isEmpty()) {
            System.err.println("no data set has been loaded here (" + home.resolve("demo.properties") + ")");
            return 1;
        }
        Catalogue catalogue = Catalogue.load();
        DemoCity city = DemoCity.generate(spec.get());
        Story story = Story.tell(city, catalogue);
        Figures figures = Figures.of(city, story.revised(), catalogue);
        Figures official = Figures.of(
                city, story.official(DemoApprovals.approvedThrough(spec.get().lastMonth())), catalogue);
        List<String> differences;
        try {
            differences = new DemoCheck(token("viewer")).run(figures, official, catalogue, story.revisions());
        } catch (RuntimeException e) {
            System.err.println("demo-check could not read the reports: " + e.getMessage());
            return 1;
        }
        if (differences.isEmpty()) {
            System.out.printf(
                    "demo-check: no difference. %d indicators on the city overview and %d county scores and ranks agree"
                            + " with the generator's own figures, in both views (%s)%n",
                    figures.city().size(), figures.rankings().size(), describe(spec.get()));
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
                Integer.parseInt(properties.getProperty("months"))));
    }

    private void remember(DemoCity.Spec spec) {
        Properties properties = new Properties();
        properties.setProperty("seed", Long.toString(spec.seed()));
        properties.setProperty("villages", Integer.toString(spec.villages()));
        properties.setProperty("months", Integer.toString(spec.lastMonth()));
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
                "云溪市 with %,d villages, seed %d, January–%s 2025",
                spec.villages(),
                spec.seed(),
                java.time.Month.of(spec.lastMonth())
                        .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
    }

    private static Optional<String> option(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0) {
            return Optional.empty();
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return Optional.of(args.get(at + 1));
    }
}
