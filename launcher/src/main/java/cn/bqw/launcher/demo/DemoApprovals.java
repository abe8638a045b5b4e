package cn.bqw.launcher.demo;

import cn.bqw.launcher.demo.DemoCity.County;
import cn.bqw.launcher.demo.DemoCity.Division;
import cn.bqw.launcher.demo.Story.Observation;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo city's approvals (审核), through the public API as its approvers would take them: every
 * month before the last, and the quarters those complete, submitted by the townships, approved by
 * their counties, approved and accepted by the city for the counties, for every campaign; then the
 * June correction after the June bulletin (returned down to the township, revised, approved again);
 * then the last month partly submitted and one township's sent back with a reason.
 */
public final class DemoApprovals {

    /** What the county writes when it sends the last month's figures of one township back. */
    static final String RETURN_REASON = "改厕户数与台账不符，请核实后重新报送";

    /** The June correction's reason, on each return from the city down to the township. */
    static final String CORRECTION_REASON = "六月农村改厕户数漏报，更正后重新报送";

    /** Units of different campaigns are independent: their chains run side by side. */
    private static final int PARALLEL = 6;

    private final PlatformClient platform;
    private final DemoCity city;
    private final List<String> campaigns;
    private final String revisedCampaign;
    private final AtomicLong steps = new AtomicLong();

    DemoApprovals(PlatformClient platform, DemoCity city, Catalogue catalogue) {
        this.platform = platform;
        this.city = city;
        this.campaigns = catalogue.indicators().stream()
                .map(Catalogue.Indicator::campaign)
                .distinct()
                .sorted()
                .toList();
        this.revisedCampaign = catalogue.get("RURAL_TOILET").campaign();
    }

    /** The last month approved when the story reaches {@code lastMonth}: the month before. */
    public static int approvedThrough(int lastMonth) {
        return lastMonth - 1;
    }

    static String township(String village) {
        return village.substring(0, 9) + "000";
    }

    /** Whether the demo's approvals cover a value of this period (a year is approved only once it is over). */
    static boolean approved(String period, int approvedThrough) {
        return approvedPeriods(approvedThrough).contains(period);
    }

    /** The approved periods: each month through {@code through}, and each quarter those complete. */
    static List<String> approvedPeriods(int through) {
        List<String> periods = new ArrayList<>();
        for (int m = 1; m <= through; m++) {
            periods.add(Story.YEAR + (m < 10 ? "-0" : "-") + m);
        }
        for (int q = 1; 3 * q <= through; q++) {
            periods.add(Story.YEAR + "Q" + q);
        }
        return periods;
    }

    private int through() {
        return approvedThrough(city.spec().lastMonth());
    }

    /** Whether an earlier load got as far as the city's approval of the last approved month. */
    boolean done() {
        if (through() < 1) {
            return true;
        }
        JsonObject unit = platform.get(
                PlatformClient.INDICATOR + "/api/v1/approvals/" + city.city().code() + "/"
                        + approvedPeriods(through()).get(through() - 1) + "/" + campaigns.get(campaigns.size() - 1));
        return "APPROVED".equals(unit.getJsonObject("current").getString("state"));
    }

    /** How many steps were taken: each one event for report-service to apply. */
    long steps() {
        return steps.get();
    }

    /**
     * Every approved period of every campaign, from the townships up to the city: for each
     * campaign, every township's periods submitted and approved, then the counties', then the
     * city's, a request each (the campaigns side by side).
     */
    void approveAll() throws InterruptedException {
        List<String> periods = approvedPeriods(through());
        List<String> townships = city.townships().stream().map(Division::code).toList();
        List<String> counties = city.counties().stream().map(County::code).toList();
        List<String> theCity = List.of(city.city().code());
        Progress progress = new Progress("approvals", campaigns.size());
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<?>> chains = new ArrayList<>();
            AtomicLong finished = new AtomicLong();
            for (String campaign : campaigns) {
                chains.add(pool.submit(() -> {
                    for (List<String> level : List.of(townships, counties, theCity)) {
                        steps(level, periods, campaign, "submit");
                        steps(level, periods, campaign, "approve");
                        if (level == counties) {
                            steps(level, periods, campaign, "accept");
                        }
                    }
                    progress.update(finished.incrementAndGet());
                }));
            }
            for (Future<?> chain : chains) {
                chain.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("approvals failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        progress.done(String.format("%,d steps", steps()));
    }

    /**
     * One step for every region's unit of every period of a campaign, in requests of at most {@value
     * #UNITS_PER_REQUEST} units (indicator-service takes 5,000).
     */
    private void steps(List<String> regions, List<String> periods, String campaign, String verb) {
        steps(regions, periods, campaign, verb, null);
    }

    private static final int UNITS_PER_REQUEST = 1000;

    private void steps(List<String> regions, List<String> periods, String campaign, String verb, String reason) {
        List<String> units = new java.util.ArrayList<>();
        for (String region : regions) {
            for (String period : periods) {
                units.add("{\"region\":\"%s\",\"period\":\"%s\",\"campaign\":\"%s\"}"
                        .formatted(region, period, campaign));
            }
        }
        for (int from = 0; from < units.size(); from += UNITS_PER_REQUEST) {
            JsonObject summary = platform.postJson(
                    PlatformClient.INDICATOR + "/api/v1/approvals:" + verb,
                    "{\"units\":["
                            + String.join(",", units.subList(from, Math.min(units.size(), from + UNITS_PER_REQUEST)))
                            + "]" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
            steps.addAndGet(summary.getInt("imported"));
        }
    }

    /**
     * The correction: the city, the county and the township send the month back in turn (and the
     * quarter holding it, whose approval covers the month too), the township posts its revised
     * values, and they are approved again up to the city.
     */
    void correct(List<Observation> revisions) {
        if (revisions.isEmpty()) {
            return;
        }
        String month = revisions.get(0).period();
        String quarter = Story.YEAR + "Q" + ((Integer.parseInt(month.substring(5)) + 2) / 3);
        List<String> periods = approvedPeriods(through()).contains(quarter) ? List.of(month, quarter) : List.of(month);
        String township = township(revisions.get(0).region());
        String county = township.substring(0, 6) + "000000";
        String cityCode = city.city().code();
        for (String region : List.of(cityCode, county, township)) {
            steps(List.of(region), periods, revisedCampaign, "return", CORRECTION_REASON);
        }
        JsonObject summary = platform.postCsv(
                PlatformClient.INDICATOR + "/api/v1/observations:batch?atomic=true",
                DemoLoader.observationsCsv(revisions));
        if (!summary.getJsonArray("conflicts").isEmpty()) {
            throw new IllegalStateException("the June correction was refused: " + summary.getJsonArray("conflicts"));
        }
        for (String region : List.of(township, county, cityCode)) {
            steps(List.of(region), periods, revisedCampaign, "submit", null);
            steps(List.of(region), periods, revisedCampaign, "approve", null);
            if (region.equals(county)) {
                steps(List.of(region), periods, revisedCampaign, "accept", null);
            }
        }
        System.out.printf(
                "▸ correction: %d %s values of %s for %s revised (%s returned and approved again)%n",
                revisions.size(), revisions.get(0).indicator(), township, month, String.join(", ", periods));
    }

    /**
     * The last month, under way: every other township has submitted it for every campaign, and the
     * first of them has had one campaign's figures sent back by its county.
     */
    void submitLastMonth() {
        int last = city.spec().lastMonth();
        String month = Story.YEAR + (last < 10 ? "-0" : "-") + last;
        List<Division> townships = city.townships();
        List<String> submitting = new ArrayList<>();
        for (int i = 0; i < townships.size(); i += 2) {
            submitting.add(townships.get(i).code());
        }
        for (String campaign : campaigns) {
            steps(submitting, List.of(month), campaign, "submit");
        }
        if (!townships.isEmpty()) {
            steps(List.of(townships.get(0).code()), List.of(month), revisedCampaign, "return", RETURN_REASON);
        }
        System.out.printf(
                "▸ %s: %d of %d townships submitted, %s returned%n",
                month,
                (townships.size() + 1) / 2,
                townships.size(),
                townships.get(0).code());
    }
}
