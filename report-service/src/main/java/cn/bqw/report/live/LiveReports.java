package cn.bqw.report.live;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import cn.bqw.report.reporting.IndicatorReport;
import cn.bqw.report.reporting.RegionReport;
import cn.bqw.report.reporting.RegionReports;
import cn.bqw.report.reporting.ReportScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Watches the projection for applied events (its {@code applied_at}, every 500 ms, while anyone
 * listens) and tells every open stream: a refresh, and each status that changed for the region it
 * watches (default: the root) or a division directly below it. It reads the database, not the
 * consumers, so every replica's listeners hear of events whichever replica applied them.
 */
@ApplicationScoped
public class LiveReports {

    private static final Logger LOG = Logger.getLogger(LiveReports.class);
    static final long TICK_MILLIS = 500;
    /** Events a stream holds for a client that has not asked for them yet; beyond, the stream ends (it reconnects). */
    static final int STREAM_BUFFER = 1_000;

    @Inject
    RegionReports reports;

    @Inject
    ReportScope scope;

    @Inject
    EntityManager entityManager;

    /** What has a status a watch remembers: a region's indicator, or a task (its code; no indicator). */
    private record Assessed(String subject, String indicator) {}

    /** What a stream listens to: a year's figures of a region (null: the root, whichever it is). */
    private record Watch(int year, String region) {}

    /** An event and the watch it is for. */
    private record Addressed(Watch watch, LiveEvent event) {}

    private final BroadcastProcessor<Addressed> events = BroadcastProcessor.create();
    /** How many listen to each watch. */
    private final Map<Watch, AtomicInteger> listeners = new ConcurrentHashMap<>();
    /** Open streams, in all and by caller. */
    private final AtomicInteger open = new AtomicInteger();

    private final Map<String, AtomicInteger> streamsByCaller = new ConcurrentHashMap<>();

    @Inject
    StreamConfig limits;

    private ScheduledExecutorService ticker;
    /** Per watch: status by {@code region|indicator} at the last look, and when the projection had applied. */
    private final Map<Watch, Map<Assessed, String>> statuses = new HashMap<>();

    private final Map<Watch, OffsetDateTime> lastApplied = new HashMap<>();

    void start(@Observes StartupEvent startup) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "live-reports"));
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        ticker.shutdownNow();
        events.onComplete();
    }

    /**
     * Refreshes as events are applied, and the status changes of {@code year} for {@code region}
     * (null: the root) and the divisions below it, for {@code caller} until {@code until} (when the
     * caller's token expires). A caller holds at most {@code bqw.stream.max-per-caller} streams and
     * the instance {@code bqw.stream.max-total}: beyond, 429.
     */
    public Multi<LiveEvent> listen(int year, String region, String caller, Instant until) {
        Duration left = Duration.between(Instant.now(), until);
        if (left.isNegative() || left.isZero()) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "the token has expired");
        }
        if (region != null) {
            scope.region(region);
        }
        Watch watch = new Watch(year, region);
        AtomicInteger mine = streamsByCaller.computeIfAbsent(caller, c -> new AtomicInteger());
        if (open.incrementAndGet() > limits.maxTotal()) {
            open.decrementAndGet();
            throw new ProblemException(
                    ProblemType.TOO_MANY_REQUESTS,
                    "this instance serves " + limits.maxTotal() + " streams at most; try again later");
        }
        if (mine.incrementAndGet() > limits.maxPerCaller()) {
            mine.decrementAndGet();
            open.decrementAndGet();
            throw new ProblemException(
                    ProblemType.TOO_MANY_REQUESTS,
                    "a caller may hold " + limits.maxPerCaller() + " streams at once; close one first");
        }
        AtomicInteger count = listeners.computeIfAbsent(watch, w -> new AtomicInteger());
        // A client reading slowly (a busy browser, a slow network) has events waiting for it, up to a
        // bound, rather than its stream failing the moment it has none requested.
        return events.onOverflow()
                .buffer(STREAM_BUFFER)
                .filter(e -> e.watch().equals(watch))
                .map(Addressed::event)
                .select()
                .first(left)
                .onSubscription()
                .invoke(() -> count.incrementAndGet())
                .onTermination()
                .invoke(() -> {
                    count.decrementAndGet();
                    mine.decrementAndGet();
                    open.decrementAndGet();
                });
    }

    private void tick() {
        for (Map.Entry<Watch, AtomicInteger> watch : listeners.entrySet()) {
            if (watch.getValue().get() == 0) {
                statuses.remove(watch.getKey());
                continue;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> look(watch.getKey()));
            } catch (RuntimeException e) {
                LOG.warnf(e, "live reports: could not look at the projection for %s", watch.getKey());
            }
        }
    }

    /** The status changes of the tasks in the region's subtree (the 督办 ledger), told as TASK_STATUS events. */
    @SuppressWarnings("unchecked")
    private void tasks(
            Watch watch,
            String region,
            OffsetDateTime applied,
            Map<Assessed, String> before,
            Map<Assessed, String> now) {
        DivisionCode.Subtree subtree = DivisionCode.parse(region).orElseThrow().subtree();
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT code, title, status, region_code FROM ledger_task"
                        + " WHERE region_code >= ?1 AND region_code < ?2 ORDER BY code")
                .setParameter(1, subtree.first())
                .setParameter(2, subtree.end())
                .getResultList();
        for (Object[] row : rows) {
            Assessed key = new Assessed((String) row[0], null);
            String status = (String) row[2];
            now.put(key, status);
            String was = before == null ? null : before.get(key);
            if (was != null && !was.equals(status)) {
                events.onNext(new Addressed(
                        watch,
                        LiveEvent.taskStatus(
                                applied,
                                watch.year(),
                                (String) row[3],
                                (String) row[0],
                                (String) row[1],
                                was,
                                status)));
            }
        }
    }

    private void look(Watch watch) {
        int year = watch.year();
        OffsetDateTime applied = scope.appliedAt();
        Map<Assessed, String> before = statuses.get(watch);
        if (before != null && Objects.equals(applied, lastApplied.get(watch))) {
            return;
        }
        Map<Assessed, String> now = new LinkedHashMap<>();
        List<RegionReport> places;
        try {
            places = reports.regionAndBelow(watch.region(), year);
        } catch (ProblemException undecided) {
            // No root to watch (none yet, or several and none configured): refreshes still flow.
            places = List.of();
        }
        for (RegionReport region : places) {
            for (RegionReport.Campaign campaign : region.campaigns()) {
                for (IndicatorReport indicator : campaign.indicators()) {
                    Assessed key = new Assessed(region.region(), indicator.code());
                    String status = indicator.assessment().status().name();
                    now.put(key, status);
                    String was = before == null ? null : before.get(key);
                    if (was != null && !was.equals(status)) {
                        events.onNext(new Addressed(
                                watch,
                                LiveEvent.status(
                                        applied,
                                        year,
                                        region.region(),
                                        region.nameZh(),
                                        indicator.code(),
                                        indicator.nameZh(),
                                        was,
                                        status)));
                    }
                }
            }
        }
        if (!places.isEmpty()) {
            tasks(watch, places.get(0).region(), applied, before, now);
        }
        statuses.put(watch, now);
        lastApplied.put(watch, applied);
        if (before != null) {
            events.onNext(new Addressed(watch, LiveEvent.refresh(applied, year)));
        }
    }
}
