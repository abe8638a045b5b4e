package cn.bqw.report.live;

import cn.bqw.report.reporting.IndicatorReport;
import cn.bqw.report.reporting.RegionReport;
import cn.bqw.report.reporting.ReportService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * listens) and tells every open stream: a refresh, and each status that changed for the city or
 * a county. It reads the database, not the consumers, so every replica's listeners hear of
 * events whichever replica applied them.
 */
@ApplicationScoped
public class LiveReports {

    private static final Logger LOG = Logger.getLogger(LiveReports.class);
    static final long TICK_MILLIS = 500;

    @Inject
    ReportService reports;

    private final BroadcastProcessor<LiveEvent> events = BroadcastProcessor.create();
    /** How many listen to each year's statuses. */
    private final Map<Integer, AtomicInteger> listeners = new ConcurrentHashMap<>();

    private ScheduledExecutorService ticker;
    /** Per year listened to: status by {@code region|indicator} at the last look, and when the projection had applied. */
    private final Map<Integer, Map<String, String>> statuses = new HashMap<>();

    private final Map<Integer, OffsetDateTime> lastApplied = new HashMap<>();

    void start(@Observes StartupEvent startup) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "live-reports"));
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        ticker.shutdownNow();
        events.onComplete();
    }

    /** Refreshes as events are applied, and the status changes of {@code year}. */
    public Multi<LiveEvent> listen(int year) {
        AtomicInteger count = listeners.computeIfAbsent(year, y -> new AtomicInteger());
        return events.filter(e -> e.year() == year)
                .onSubscription()
                .invoke(() -> count.incrementAndGet())
                .onTermination()
                .invoke(() -> count.decrementAndGet());
    }

    private void tick() {
        for (Map.Entry<Integer, AtomicInteger> year : listeners.entrySet()) {
            if (year.getValue().get() == 0) {
                statuses.remove(year.getKey());
                continue;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> look(year.getKey()));
            } catch (RuntimeException e) {
                LOG.warnf(e, "live reports: could not look at the projection for %d", year.getKey());
            }
        }
    }

    private void look(int year) {
        OffsetDateTime applied = reports.appliedAt();
        Map<String, String> before = statuses.get(year);
        if (before != null && Objects.equals(applied, lastApplied.get(year))) {
            return;
        }
        Map<String, String> now = new LinkedHashMap<>();
        for (RegionReport region : reports.cityAndCountyReports(year)) {
            for (RegionReport.Campaign campaign : region.campaigns()) {
                for (IndicatorReport indicator : campaign.indicators()) {
                    String key = region.region() + "|" + indicator.code();
                    String status = indicator.assessment().status().name();
                    now.put(key, status);
                    String was = before == null ? null : before.get(key);
                    if (was != null && !was.equals(status)) {
                        events.onNext(LiveEvent.status(
                                applied,
                                year,
                                region.region(),
                                region.nameZh(),
                                indicator.code(),
                                indicator.nameZh(),
                                was,
                                status));
                    }
                }
            }
        }
        statuses.put(year, now);
        lastApplied.put(year, applied);
        if (before != null) {
            events.onNext(LiveEvent.refresh(applied, year));
        }
    }
}
