package cn.bqw.launcher.demo;

import cn.bqw.launcher.demo.DemoCity.County;
import cn.bqw.launcher.demo.DemoCity.Division;
import cn.bqw.launcher.demo.DemoCity.Village;
import cn.bqw.launcher.demo.Story.Observation;
import cn.bqw.launcher.demo.Story.Target;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Loads a generated city through the public REST APIs, the way another government system would:
 * divisions and villages into village-service, the catalogue, targets and values into
 * indicator-service (bulk endpoints, all-or-nothing, with idempotency keys), waits for
 * report-service to have applied every event; then the months' approvals, the June bulletin, a
 * correction of June, the last month under way and the October bulletin ({@link DemoApprovals}),
 * and the city's 督办 ledger ({@link DemoTasks}).
 */
public final class DemoLoader {

    private static final int VILLAGES_PER_REQUEST = 10_000;
    private static final int VALUES_PER_REQUEST = 25_000;
    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    private final PlatformClient platform;

    public DemoLoader(String adminToken) {
        this.platform = new PlatformClient(adminToken);
    }

    /**
     * A province: its division first (a city registered before it would be a root of its own until
     * adopted), then each city as {@link #load} loads one, then the province's own targets.
     */
    public void load(DemoProvince province, Story story, Catalogue catalogue) throws InterruptedException {
        imported(
                platform.postCsv(
                        PlatformClient.VILLAGE + "/api/v1/divisions:import",
                        divisionsCsv(List.of(province.province()))),
                "the province");
        for (DemoCity city : province.cities()) {
            System.out.println("▸ " + city.city().nameZh() + " (" + city.city().code() + ")");
            load(city, Story.tell(city, catalogue), catalogue);
        }
        inChunks(
                "province targets",
                story.targets().stream()
                        .filter(t -> t.region().equals(province.province().code()))
                        .toList(),
                VALUES_PER_REQUEST,
                PlatformClient.INDICATOR + "/api/v1/targets:batch?atomic=true",
                DemoLoader::targetsCsv);
        awaitReports(platform, story.targets().size());
    }

    public void load(DemoCity city, Story story, Catalogue catalogue) throws InterruptedException {
        List<Division> divisions = new ArrayList<>();
        divisions.add(city.city());
        city.counties().stream().map(County::division).forEach(divisions::add);
        divisions.addAll(city.townships());
        Progress step = new Progress("divisions", divisions.size());
        imported(
                platform.postCsv(PlatformClient.VILLAGE + "/api/v1/divisions:import", divisionsCsv(divisions)),
                "divisions");
        step.done("");

        inChunks(
                "villages",
                city.villages(),
                VILLAGES_PER_REQUEST,
                PlatformClient.VILLAGE + "/api/v1/villages:import",
                DemoLoader::villagesCsv);

        step = new Progress("indicators", catalogue.indicators().size());
        imported(
                platform.postCsv(PlatformClient.INDICATOR + "/api/v1/indicators:import", catalogue.csv()),
                "indicators");
        step.done("");

        awaitRegionsKnown(city);
        inChunks(
                "targets",
                story.targets(),
                VALUES_PER_REQUEST,
                PlatformClient.INDICATOR + "/api/v1/targets:batch?atomic=true",
                DemoLoader::targetsCsv);
        DemoApprovals approvals = new DemoApprovals(platform, city, catalogue);
        if (approvals.done()) {
            // Approved values are locked: loaded again, the city keeps the values it has.
            System.out.println("▸ values already loaded and approved");
        } else {
            inChunks(
                    "observations",
                    story.observations(),
                    VALUES_PER_REQUEST,
                    PlatformClient.INDICATOR + "/api/v1/observations:batch?atomic=true",
                    DemoLoader::observationsCsv);
            awaitReports(platform, story.observations().size());
            approvals.approveAll();
            awaitReports(platform, approvals.steps());
            publishBulletins(city, Story.REVISED_MONTH);
            approvals.correct(story.revisions());
            approvals.submitLastMonth();
            awaitReports(platform, approvals.steps());
            new DemoTasks(platform, city).load();
            followedFiguresThisYear(story);
        }
        publishBulletins(city, null);
    }

    /** The months the demo city's bulletins (通报) are published for, where the story reaches them. */
    static final List<String> BULLETIN_MONTHS = List.of(Story.YEAR + "-06", Story.YEAR + "-10");

    /**
     * The June and October bulletins (or only {@code only}), in the official view, as the city
     * office publishes them once the month's figures are approved.
     */
    private void publishBulletins(DemoCity city, String only) {
        var published = platform
                .getArray(PlatformClient.REPORT + "/api/v1/bulletins?region="
                        + city.city().code() + "&year=" + Story.YEAR)
                .getValuesAs(JsonObject.class)
                .stream()
                .map(edition -> edition.getString("asOf"))
                .toList();
        for (String month : BULLETIN_MONTHS) {
            // Loaded again, the city keeps its editions: a bulletin is published once.
            if (Integer.parseInt(month.substring(5))
                            > DemoApprovals.approvedThrough(city.spec().lastMonth())
                    || published.contains(month)
                    || (only != null && !only.equals(month))) {
                continue;
            }
            JsonObject bulletin = platform.postJson(
                    PlatformClient.REPORT + "/api/v1/bulletins",
                    "{\"region\":\"%s\",\"year\":%d,\"asOf\":\"%s\",\"view\":\"official\"}"
                            .formatted(city.city().code(), Story.YEAR, month));
            System.out.println("bulletin: " + bulletin.getString("title") + " as of " + month + ", SHA-256 "
                    + bulletin.getString("sha256"));
        }
    }

    private <T> void inChunks(String label, List<T> rows, int size, String url, Function<List<T>, String> csv) {
        Progress progress = new Progress(label, rows.size());
        int imported = 0;
        int unchanged = 0;
        for (int from = 0; from < rows.size(); from += size) {
            JsonObject summary =
                    platform.postCsv(url, csv.apply(rows.subList(from, Math.min(rows.size(), from + size))));
            imported(summary, label);
            imported += summary.getInt("imported") + summary.getInt("updated");
            unchanged += summary.getInt("ignored");
            progress.update(Math.min(rows.size(), from + size));
        }
        progress.done(
                unchanged == 0 ? "" : String.format("%,d new or changed, %,d already there", imported, unchanged));
    }

    private static void imported(JsonObject summary, String what) {
        if (!summary.getJsonArray("conflicts").isEmpty()) {
            throw new IllegalStateException(what + " refused: " + summary.getJsonArray("conflicts"));
        }
    }

    /**
     * indicator-service learns regions from village-service's events, over several partitions at
     * their own pace; until its replica holds every region a value is for, that value would be
     * refused. A dry run of one value for every village, county and the city says when.
     */
    private void awaitRegionsKnown(DemoCity city) throws InterruptedException {
        List<String> probes = new ArrayList<>();
        probes.add("REGION_CROSS_PROVINCE_ITEMS," + city.city().code() + ",2025Q1,1");
        city.counties().forEach(c -> probes.add("RURAL_ROAD_KM," + c.code() + ",2025-01,1"));
        city.villages().forEach(v -> probes.add("RURAL_TOILET," + v.code() + ",2025-01,1"));
        Progress progress = new Progress("regions known", probes.size());
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        for (int from = 0; from < probes.size(); ) {
            List<String> chunk = probes.subList(from, Math.min(probes.size(), from + VALUES_PER_REQUEST));
            String csv = "indicator,region,period,value\n" + String.join("\n", chunk) + "\n";
            int unknown = platform.dryRun(PlatformClient.INDICATOR + "/api/v1/observations:batch?dryRun=true", csv)
                    .getJsonArray("conflicts")
                    .size();
            if (unknown == 0) {
                from += chunk.size();
                progress.update(from);
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        unknown + " regions still unknown to indicator-service after " + CATCH_UP);
            }
            Thread.sleep(1000);
        }
        progress.done("");
    }

    /** Waits until report-service has no event left to apply, showing how many it has applied. */
    static void awaitReports(PlatformClient platform, long expected) throws InterruptedException {
        Progress progress = new Progress("report-service", expected);
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        int settled = 0;
        while (true) {
            long pending = platform.get(PlatformClient.REPORT + "/api/v1/reports/overview?year=" + Story.YEAR)
                    .getJsonObject("freshness")
                    .getJsonNumber("pendingEvents")
                    .longValue();
            progress.update(Math.max(0, expected - pending));
            // The lag is asked of Kafka at most every 2 s: zero twice running is settled.
            settled = pending == 0 ? settled + 1 : 0;
            if (settled >= 2) {
                progress.done("every event applied");
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "report-service still has " + pending + " events to apply after " + CATCH_UP);
            }
            Thread.sleep(1500);
        }
    }

    static String divisionsCsv(List<Division> divisions) {
        StringBuilder csv = new StringBuilder("code,nameZh,nameEn,countyClass,urbanDistrict,population\n");
        for (Division d : divisions) {
            row(
                    csv,
                    d.code(),
                    d.nameZh(),
                    d.nameEn(),
                    d.countyClass(),
                    d.urbanDistrict() ? "true" : "",
                    d.population());
        }
        return csv.toString();
    }

    static String villagesCsv(List<Village> villages) {
        StringBuilder csv = new StringBuilder(
                "code,nameZh,category,planType,belts,pilots,registeredPopulation,residentPopulation,households,areaKm2,arableLandMu,latitude,longitude\n");
        for (Village v : villages) {
            row(
                    csv,
                    v.code(),
                    v.nameZh(),
                    v.category(),
                    v.planType(),
                    String.join("|", v.belts()),
                    String.join("|", v.pilots()),
                    v.registeredPopulation(),
                    v.residentPopulation(),
                    v.households(),
                    v.areaKm2(),
                    v.arableLandMu(),
                    v.latitude(),
                    v.longitude());
        }
        return csv.toString();
    }

    /**
     * The figures the 督办 tasks follow, in the tasks' year too (when that is not the story's): the
     * story's targets and values of those indicators again, for the periods begun so far — so that
     * report-service has a figure for each such task and task-service judges it on that.
     */
    private void followedFiguresThisYear(Story story) throws InterruptedException {
        int year = DemoTasks.YEAR;
        if (year == Story.YEAR) {
            return;
        }
        java.util.Set<String> followed = DemoTasks.followedIndicators();
        java.time.LocalDate today = java.time.LocalDate.now(DemoTasks.PROGRAMME_ZONE);
        String from = String.valueOf(Story.YEAR);
        inChunks(
                "this year's targets the tasks follow",
                story.targets().stream()
                        .filter(t -> followed.contains(t.indicator()))
                        .map(t -> new Target(t.indicator(), t.region(), year, t.value(), t.kind(), t.baseline()))
                        .toList(),
                VALUES_PER_REQUEST,
                PlatformClient.INDICATOR + "/api/v1/targets:batch?atomic=true",
                DemoLoader::targetsCsv);
        inChunks(
                "this year's values the tasks follow",
                story.revised().observations().stream()
                        .filter(o -> followed.contains(o.indicator()))
                        .map(o -> new Observation(
                                o.indicator(),
                                o.region(),
                                year + o.period().substring(from.length()),
                                o.area(),
                                o.value(),
                                o.numerator(),
                                o.denominator()))
                        .filter(o -> firstMonth(o.period()) <= today.getMonthValue())
                        .toList(),
                VALUES_PER_REQUEST,
                PlatformClient.INDICATOR + "/api/v1/observations:batch?atomic=true",
                DemoLoader::observationsCsv);
    }

    /** The first month of a period: {@code 2026-03} → 3, {@code 2026Q2} → 4, {@code 2026} → 1. */
    private static int firstMonth(String period) {
        if (period.length() == 4) {
            return 1;
        }
        if (period.charAt(4) == 'Q') {
            return (period.charAt(5) - '1') * 3 + 1;
        }
        return Integer.parseInt(period.substring(5));
    }

    static String targetsCsv(List<Target> targets) {
        StringBuilder csv = new StringBuilder("indicator,region,year,value,kind,baseline\n");
        for (Target t : targets) {
            row(csv, t.indicator(), t.region(), t.year(), t.value(), t.kind(), t.baseline());
        }
        return csv.toString();
    }

    static String observationsCsv(List<Observation> observations) {
        StringBuilder csv = new StringBuilder("indicator,region,period,area,value,numerator,denominator\n");
        for (Observation o : observations) {
            row(csv, o.indicator(), o.region(), o.period(), o.area(), o.value(), o.numerator(), o.denominator());
        }
        return csv.toString();
    }

    /** One CSV line; none of the generated cells holds a comma or a quote, and null is an empty cell. */
    private static void row(StringBuilder csv, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object cell = cells[i];
            csv.append(cell == null ? "" : cell instanceof BigDecimal d ? d.toPlainString() : cell.toString());
        }
        csv.append('\n');
    }
}
