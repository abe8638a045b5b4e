package cn.bqw.report.reporting;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.period.Period;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.region.RegionRecord;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.report.aggregate.AggregateStore;
import cn.bqw.report.region.DivisionRoots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every report decides the same way before it reads a figure: which region (the deployment's
 * root by default), which divisions below it, which month is "as of", and how fresh the projection
 * is.
 */
@ApplicationScoped
@Transactional
public class ReportScope {

    @Inject
    AggregateStore aggregates;

    @Inject
    RegionReplica regions;

    @Inject
    ConsumerLag lag;

    @Inject
    DivisionRoots divisionRoots;

    @Inject
    EntityManager entityManager;

    /** The region this deployment reports on by default; without it, the only root of the tree. */
    @ConfigProperty(name = "bqw.report.root")
    Optional<String> configuredRoot;

    /**
     * The region the reports default to (the deployment's root): {@code bqw.report.root}, else the
     * only root of the replica's tree — an active division whose parent is not registered. Several
     * roots and none configured is a 409 naming them: never a silent pick, so a second city
     * registered beside the first changes nothing the first's readers see.
     */
    public String root() {
        if (configuredRoot.isPresent()) {
            return configuredRoot.get();
        }
        List<String> roots = divisionRoots.first(11);
        if (roots.isEmpty()) {
            throw ProblemException.notFound("region", "(no division registered yet)");
        }
        if (roots.size() > 1) {
            throw ProblemException.conflict("the platform holds several roots ("
                    + String.join(", ", roots.stream().limit(10).toList())
                    + (roots.size() > 10 ? ", …" : "")
                    + "); name the region (/api/v1/reports/regions/{code}, region=) or configure bqw.report.root");
        }
        return roots.get(0);
    }

    /** The region {@code code} names, or the root when it names none; 404 for a region not registered. */
    public RegionRecord regionOrRoot(String code) {
        return region(code == null ? root() : code);
    }

    /** A registered region, or 404. */
    public RegionRecord region(String code) {
        RegionRecord region = DivisionCode.parse(code).isEmpty()
                ? null
                : regions.find(List.of(code)).get(code);
        if (region == null) {
            throw ProblemException.notFound("region", code);
        }
        return region;
    }

    /** The active divisions directly below a region, villages left out. */
    public List<RegionRecord> divisionsBelow(String code) {
        return regions.children(code).stream()
                .filter(r -> r.level() != DivisionLevel.VILLAGE)
                .toList();
    }

    /** A region (default: the root) first, then the divisions directly below it by code (no villages). */
    public List<RegionRecord> placesOf(String regionCode) {
        RegionRecord root = regionOrRoot(regionCode);
        List<RegionRecord> places = new ArrayList<>();
        places.add(root);
        places.addAll(divisionsBelow(root.code()));
        return places;
    }

    /**
     * The as-of month: the one asked for (a month or a quarter of the year), else the latest
     * reported in the region's subtree.
     */
    public int month(int year, String asOf, String region) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid("year", "must be between 2000 and 2100");
        }
        if (asOf == null) {
            return aggregates.latestMonth(region, year).orElse(12);
        }
        Period period = Period.parse(asOf)
                .filter(p -> p.year() == year)
                .orElseThrow(() -> ProblemException.invalid(
                        "asOf", "must be a month or quarter of " + year + ", like " + year + "-06 or " + year + "Q2"));
        return period.lastMonth();
    }

    public Freshness freshness() {
        Object[] state = (Object[]) entityManager
                .createNativeQuery("SELECT last_event_at, applied_at FROM projection_state WHERE id = 1")
                .getSingleResult();
        return new Freshness(time(state[0]), time(state[1]), lag.pending());
    }

    /** When the projection last applied events (null before the first). */
    public OffsetDateTime appliedAt() {
        return time(entityManager
                .createNativeQuery("SELECT applied_at FROM projection_state WHERE id = 1")
                .getSingleResult());
    }

    static String monthText(int year, int month) {
        return year + (month < 10 ? "-0" : "-") + month;
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
