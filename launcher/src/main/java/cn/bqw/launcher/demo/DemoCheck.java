package cn.bqw.launcher.demo;

import cn.bqw.launcher.demo.Figures.Assessed;
import cn.bqw.launcher.demo.Figures.Scorecard;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ./bqw demo-check}: a region's overview and the rankings below it that report-service shows,
 * in both views, held against the figures the generator worked out for the data set it loaded (all
 * values as of the last month; only the approved ones as of the last approved month), and the
 * bulletins with the June correction in their changes. Prints the figures and every difference.
 */
public final class DemoCheck {

    private static final BigDecimal ACTUAL_TOLERANCE = new BigDecimal("0.0001");
    private static final BigDecimal SCORE_TOLERANCE = new BigDecimal("0.01");
    private static final Duration SETTLE = Duration.ofMinutes(2);

    private final PlatformClient platform;

    public DemoCheck(String token) {
        this.platform = new PlatformClient(token);
    }

    /**
     * A region to check: its code, the generator's figures of all values as of the last month and
     * of the approved ones alone as of the last approved month, the values corrected after the June
     * bulletin, whether it publishes bulletins, and whether its tables are printed.
     */
    public record Region(
            String code,
            Figures figures,
            Figures official,
            List<Story.Observation> revisions,
            boolean bulletins,
            boolean print) {}

    /**
     * The differences for a region (none when the platform agrees), retried while report-service
     * may still be applying events.
     */
    public List<String> run(Region checked, Catalogue catalogue) throws InterruptedException {
        String region = checked.code();
        Figures figures = checked.figures();
        Figures official = checked.official();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String officially = "&view=official&asOf=" + Story.YEAR + "-" + String.format("%02d", official.asOfMonth());
        String report = PlatformClient.REPORT + "/api/v1/reports/regions/" + region + "?year=" + Story.YEAR;
        String ranking = PlatformClient.REPORT + "/api/v1/reports/rankings?region=" + region + "&year=" + Story.YEAR;
        while (true) {
            JsonObject overview = platform.get(report);
            JsonObject rankings = platform.get(ranking);
            JsonObject officialOverview = platform.get(report + officially);
            JsonObject officialRankings = platform.get(ranking + officially);
            List<String> differences = new ArrayList<>();
            compareOverview(figures, catalogue, overview, differences);
            compareRankings(figures, rankings, differences);
            List<String> officialDifferences = new ArrayList<>();
            compareOverview(official, catalogue, officialOverview, officialDifferences);
            compareRankings(official, officialRankings, officialDifferences);
            officialDifferences.forEach(d -> differences.add("official view: " + d));
            if (differences.isEmpty() || System.nanoTime() > deadline) {
                if (checked.print()) {
                    print(overview, rankings);
                }
                System.out.printf(
                        "official view of %s as of %s: %d indicators and %d scores and ranks checked, %d provisional"
                                + " figures on its overview as of %s%n",
                        overview.getString("nameZh", region),
                        officialOverview.getString("asOf", "?"),
                        official.city().size(),
                        official.rankings().size(),
                        provisional(overview),
                        overview.getString("asOf", "?"));
                if (checked.bulletins()) {
                    checkBulletins(overview, checked.revisions(), differences);
                    checkLedger(region, differences);
                }
                differences.replaceAll(d -> region + ": " + d);
                return differences;
            }
            Thread.sleep(2000);
        }
    }

    /**
     * The city's 督办 view agrees with task-service, retried while either is catching up: the same
     * tasks with the same statuses, and every indicator-linked task judged on the figure
     * report-service shows for its region — at least one of them, when the tasks' year has values.
     */
    private void checkLedger(String city, List<String> differences) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            List<String> found = new ArrayList<>();
            List<JsonObject> tasks = platform.getArray(PlatformClient.TASK + "/api/v1/tasks?region=" + city)
                    .getValuesAs(JsonObject.class);
            JsonObject ledger = platform.get(PlatformClient.REPORT + "/api/v1/reports/tasks?region=" + city);
            Map<String, JsonObject> lines = new HashMap<>();
            ledger.getJsonArray("lines").getValuesAs(JsonObject.class).forEach(l -> lines.put(l.getString("task"), l));
            int followed = 0;
            for (JsonObject task : tasks) {
                String code = task.getString("code");
                JsonObject line = lines.get(code);
                if (line == null) {
                    found.add("督办 view: " + code + " is missing");
                    continue;
                }
                if (!task.getString("status").equals(line.getString("status"))) {
                    found.add("督办 view: " + code + " is " + line.getString("status") + ", task-service has "
                            + task.getString("status"));
                }
                JsonValue shown = line.get("indicatorFigure");
                if (shown instanceof JsonObject assessed && assessed.get("actual") instanceof JsonNumber actual) {
                    followed++;
                    JsonValue judged = task.get("figure");
                    BigDecimal used = judged instanceof JsonObject figure ? number(figure, "actual") : null;
                    if (used == null || used.compareTo(actual.bigDecimalValue()) != 0) {
                        found.add("督办 view: " + code + " shows " + task.getString("indicator") + " at "
                                + actual.bigDecimalValue().toPlainString() + ", task-service judged it on " + used);
                    }
                }
            }
            if (tasks.isEmpty()) {
                found.add("task-service has no task of " + city);
            } else if (followed == 0 && DemoTasks.YEAR != Story.YEAR) {
                found.add("督办 view: no indicator-linked task has a figure for " + DemoTasks.YEAR);
            }
            if (found.isEmpty()) {
                System.out.printf(
                        "督办 ledger of %s: %d tasks %s, %d following their indicator on report-service's figures for %d;"
                                + " task-service and report-service agree%n",
                        ledger.getString("nameZh", city),
                        tasks.size(),
                        ledger.getJsonObject("byStatus"),
                        followed,
                        DemoTasks.YEAR);
                return;
            }
            if (System.nanoTime() > deadline) {
                differences.addAll(found);
                return;
            }
            Thread.sleep(5000);
        }
    }

    private static long provisional(JsonObject overview) {
        return overview.getJsonArray("campaigns").getValuesAs(JsonObject.class).stream()
                .flatMap(c -> c.getJsonArray("indicators").getValuesAs(JsonObject.class).stream())
                .filter(i -> i.getBoolean("provisional", false))
                .count();
    }

    /**
     * The bulletins the loader published are there, each once per month, and the content each
     * serves is the one its SHA-256 names.
     */
    private void checkBulletins(JsonObject overview, List<Story.Observation> revisions, List<String> differences) {
        String city = overview.getString("region");
        String asOf = overview.getString("asOf");
        var editions =
                platform.getArray(PlatformClient.REPORT + "/api/v1/bulletins?region=" + city + "&year=" + Story.YEAR);
        for (String month : DemoLoader.BULLETIN_MONTHS) {
            if (month.compareTo(asOf) > 0) {
                continue;
            }
            var found = editions.getValuesAs(JsonObject.class).stream()
                    .filter(edition -> edition.getString("asOf").equals(month))
                    .toList();
            if (found.size() != 1) {
                differences.add("bulletin as of " + month + ": " + found.size() + " editions, expected 1");
                continue;
            }
            JsonObject edition = found.get(0);
            String content = platform.getText(
                    PlatformClient.REPORT + "/api/v1/bulletins/" + edition.getJsonNumber("id") + "/content");
            if (!sha256(content).equals(edition.getString("sha256"))) {
                differences.add("bulletin " + edition.getString("title") + ": its content does not have its SHA-256");
            } else {
                System.out.println("bulletin: " + edition.getString("title") + " as of " + month
                        + ", its content has its SHA-256");
            }
            if (month.equals(Story.REVISED_MONTH) && !revisions.isEmpty()) {
                checkCorrection(edition, revisions, differences);
            }
        }
    }

    /**
     * The June edition's changes show the correction: the revised indicator's city figure moved by
     * exactly the corrections, and each revised value is listed behind it.
     */
    private void checkCorrection(JsonObject edition, List<Story.Observation> revisions, List<String> differences) {
        JsonObject changes =
                platform.get(PlatformClient.REPORT + "/api/v1/bulletins/" + edition.getJsonNumber("id") + "/changes");
        String indicator = revisions.get(0).indicator();
        JsonObject figure = changes.getJsonArray("figures").getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("indicator").equals(indicator))
                .findFirst()
                .orElse(null);
        if (figure == null) {
            differences.add("bulletin as of " + Story.REVISED_MONTH + ": no change of " + indicator + " since");
            return;
        }
        BigDecimal moved = number(figure, "current").subtract(number(figure, "published"));
        BigDecimal corrected = BigDecimal.valueOf(revisions.size());
        int listed = figure.getJsonArray("revisions").size();
        if (moved.compareTo(corrected) != 0 || listed != revisions.size()) {
            differences.add("bulletin as of " + Story.REVISED_MONTH + ": " + indicator + " moved by " + moved + " with "
                    + listed + " revisions listed; the correction was " + corrected + " over " + revisions.size()
                    + " values");
        } else {
            System.out.println("bulletin: changes since " + Story.REVISED_MONTH + ": " + indicator + " "
                    + number(figure, "published").toPlainString() + " → "
                    + number(figure, "current").toPlainString()
                    + ", the " + listed + " corrected values listed");
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    static void compareOverview(Figures figures, Catalogue catalogue, JsonObject overview, List<String> differences) {
        String asOf = Story.YEAR + "-" + String.format("%02d", figures.asOfMonth());
        if (!asOf.equals(overview.getString("asOf", null))) {
            differences.add("overview asOf: report " + overview.get("asOf") + ", generator " + asOf);
        }
        Map<String, JsonObject> shown = new HashMap<>();
        overview.getJsonArray("campaigns").getValuesAs(JsonObject.class).forEach(campaign -> campaign.getJsonArray(
                        "indicators")
                .getValuesAs(JsonObject.class)
                .forEach(i -> shown.put(i.getString("code"), i.getJsonObject("assessment"))));
        for (Catalogue.Indicator indicator : catalogue.indicators()) {
            Assessed expected = figures.city().get(indicator.code());
            JsonObject assessment = shown.get(indicator.code());
            if (assessment == null) {
                differences.add(indicator.code() + ": not on the overview");
                continue;
            }
            differ(
                    differences,
                    indicator.code() + " actual",
                    number(assessment, "actual"),
                    expected.actual(),
                    ACTUAL_TOLERANCE);
            differ(
                    differences,
                    indicator.code() + " target",
                    number(assessment, "target"),
                    expected.target(),
                    BigDecimal.ZERO);
            if (!expected.status().equals(assessment.getString("status"))) {
                differences.add(indicator.code() + " status: report " + assessment.getString("status") + ", generator "
                        + expected.status());
            }
        }
    }

    static void compareRankings(Figures figures, JsonObject rankings, List<String> differences) {
        Map<String, JsonObject> shown = new HashMap<>();
        rankings.getJsonArray("counties")
                .getValuesAs(JsonObject.class)
                .forEach(c -> shown.put(c.getString("region"), c));
        if (shown.size() != figures.rankings().size()) {
            differences.add("rankings: report ranks " + shown.size() + " divisions, generator "
                    + figures.rankings().size());
        }
        for (Scorecard expected : figures.rankings()) {
            JsonObject card = shown.get(expected.county());
            if (card == null) {
                differences.add(expected.county() + ": not in the rankings");
                continue;
            }
            differ(differences, expected.county() + " score", number(card, "score"), expected.score(), SCORE_TOLERANCE);
            if (card.getInt("rank") != expected.rank() || card.getInt("rankInClass") != expected.rankInClass()) {
                differences.add(String.format(
                        "%s rank: report %d (in class %d), generator %d (in class %d)",
                        expected.county(),
                        card.getInt("rank"),
                        card.getInt("rankInClass"),
                        expected.rank(),
                        expected.rankInClass()));
            }
        }
    }

    private static void differ(
            List<String> differences, String what, BigDecimal shown, BigDecimal expected, BigDecimal tolerance) {
        boolean same = shown == null || expected == null
                ? Objects.equals(shown, expected)
                : shown.subtract(expected).abs().compareTo(tolerance) <= 0;
        if (!same) {
            differences.add(what + ": report " + shown + ", generator " + expected);
        }
    }

    private static BigDecimal number(JsonObject object, String field) {
        JsonValue value = object.get(field);
        return value instanceof JsonNumber n ? n.bigDecimalValue() : null;
    }

    private static void print(JsonObject overview, JsonObject rankings) {
        System.out.println(overview.getString("nameZh", "?") + " overview " + Story.YEAR + " as of "
                + overview.getString("asOf", "?") + " (report-service):");
        overview.getJsonArray("campaigns").getValuesAs(JsonObject.class).forEach(campaign -> campaign.getJsonArray(
                        "indicators")
                .getValuesAs(JsonObject.class)
                .forEach(i -> {
                    JsonObject a = i.getJsonObject("assessment");
                    System.out.printf(
                            "  %-30s %14s / %-10s %-9s %s%n",
                            i.getString("code"),
                            plain(number(a, "actual")),
                            plain(number(a, "target")),
                            i.getString("unit"),
                            a.getString("status"));
                }));
        System.out.println("rankings of the divisions below it:");
        rankings.getJsonArray("counties")
                .getValuesAs(JsonObject.class)
                .forEach(c -> System.out.printf(
                        "  %d. %s %s (%s, %d in class)  score %s%n",
                        c.getInt("rank"),
                        c.getString("region"),
                        c.getString("nameZh"),
                        c.getString("countyClass", "-"),
                        c.getInt("rankInClass"),
                        plain(number(c, "score"))));
    }

    private static String plain(BigDecimal number) {
        return number == null ? "—" : number.toPlainString();
    }
}
