package cn.bqw.report.aggregate;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.period.Period;
import cn.bqw.report.catalogue.IndicatorArrived;
import cn.bqw.report.catalogue.IndicatorDef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.Session;

/**
 * The facts and aggregates (the weights come from {@link Populations}, the denominators of SHARE_TRUE
 * from {@link ActiveVillages}). A recorded value replaces its fact; the difference it makes to its
 * series, month by month, is added to the aggregate rows of its region and every ancestor up to the
 * province, in key order (so that concurrent consumers never deadlock). Reports read aggregate rows
 * only; raw facts are read per series, never per report.
 */
@ApplicationScoped
public class AggregateStore {

    /** The advisory lock key of aggregate writes ("bqwa"). */
    static final long AGGREGATES_LOCK = 0x62717761L;

    @Inject
    EntityManager entityManager;

    @Inject
    Populations populations;

    /**
     * Applies a poll's values in the caller's transaction: each replaces its fact (unless the
     * projection has that version or a newer one), and the aggregate rows they change are written
     * once each, in key order, at the end.
     */
    public void recordAll(List<ObservationState> states) {
        lock("pg_advisory_xact_lock_shared");
        Deltas deltas = new Deltas();
        // By region|year (each value's region and every division above it), in key order.
        Map<RegionYear, Integer> latestMonths = new TreeMap<>();
        Set<String> around = new java.util.HashSet<>();
        states.forEach(state -> {
            around.add(state.region());
            around.addAll(DivisionCode.ancestors(state.region()));
        });
        ApprovedUnits units = ApprovedUnits.load(entityManager, around, null);
        // What the poll's values replace and weigh by, read up front: one query each, not one per value.
        Map<Series, List<StoredFact>> stored = storedFacts(states, units);
        Map<String, BigDecimal> weights = populations.ofUnweighted(states);
        // The poll's facts, written together after the loop: the last state of a key is the one kept.
        Map<FactKey, SavedFact> saved = new LinkedHashMap<>();
        for (ObservationState state : states) {
            Period period = Period.parse(state.period())
                    .orElseThrow(() -> new IllegalArgumentException("period " + state.period()));
            Series series = new Series(state.indicator(), state.region(), state.area(), period.year());
            List<StoredFact> before = stored.getOrDefault(series, List.of());
            Optional<StoredFact> same = before.stream()
                    .filter(f -> f.period().equals(state.period()))
                    .findFirst();
            if (same.isPresent() && same.get().version() >= state.version()) {
                continue;
            }
            BigDecimal weight = state.weight() != null ? state.weight() : weights.get(state.region());
            saved.put(
                    new FactKey(state.indicator(), state.region(), state.area(), state.period()),
                    new SavedFact(state, period, weight));
            IndicatorDef indicator = IndicatorDef.findById(state.indicator());
            Fact fact = new Fact(
                    period.firstMonth(),
                    state.value(),
                    state.numerator(),
                    state.denominator(),
                    weight,
                    indicator != null && units.covers(indicator.campaign, state.region(), state.period()));
            List<StoredFact> now = new ArrayList<>(before.size() + 1);
            before.stream().filter(f -> !f.period().equals(state.period())).forEach(now::add);
            now.add(new StoredFact(state.period(), state.version(), fact));
            stored.put(series, now);
            noteLatestMonth(latestMonths, state.region(), period);
            if (indicator != null) {
                deltas.change(indicator, state.region(), state.area(), period.year(), facts(before), facts(now));
            }
        }
        saveFacts(saved.values());
        flush(deltas);
        raiseLatestMonths(latestMonths);
    }

    /**
     * Notes a value's last month as the latest of its year for its region and every division above
     * it, unless the value is for a whole year; {@link #raiseLatestMonths} writes what was noted.
     */
    static void noteLatestMonth(Map<RegionYear, Integer> latestMonths, String region, Period period) {
        if (period.length() != Period.Length.YEAR) {
            for (String division : DivisionCode.lineage(region)) {
                latestMonths.merge(new RegionYear(division, period.year()), period.lastMonth(), Math::max);
            }
        }
    }

    /**
     * Raises {@code region_year}'s latest months: one statement for a batch, each region once. Rows
     * already as late are left alone, not even locked: every poll of a load names the city's row,
     * and consumers sharing the topic would otherwise take turns on it.
     */
    void raiseLatestMonths(Map<RegionYear, Integer> latestMonths) {
        if (latestMonths.isEmpty()) {
            return;
        }
        entityManager
                .createNativeQuery(
                        """
                        INSERT INTO region_year (region_code, year, latest_month)
                        SELECT * FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS int[]), CAST(?3 AS smallint[]))
                                      AS noted (region_code, year, latest_month)
                        WHERE NOT EXISTS (SELECT 1 FROM region_year r WHERE r.region_code = noted.region_code
                                          AND r.year = noted.year AND r.latest_month >= noted.latest_month)
                        ON CONFLICT (region_code, year) DO UPDATE
                        SET latest_month = GREATEST(region_year.latest_month, EXCLUDED.latest_month)""")
                .setParameter(
                        1,
                        latestMonths.keySet().stream().map(RegionYear::region).toArray(String[]::new))
                .setParameter(
                        2, latestMonths.keySet().stream().map(RegionYear::year).toArray(Integer[]::new))
                .setParameter(3, latestMonths.values().toArray(Integer[]::new))
                .executeUpdate();
    }

    /**
     * A region's population changed (or became known): the facts weighted by it, its own and its
     * ancestors' (a division's population may be the sum of its villages'), take the new weight,
     * and their series' aggregates change by the difference. So the order in which divisions and
     * observations arrive, from their separate topics, does not matter.
     */
    public void reweigh(String village) {
        reweigh(List.of(village));
    }

    /** {@link #reweigh(String)} for several regions at once: each region above them looked at once. */
    @SuppressWarnings("unchecked")
    public void reweigh(Collection<String> changed) {
        if (changed.isEmpty()) {
            return;
        }
        lock("pg_advisory_xact_lock");
        Set<String> lineages = new java.util.LinkedHashSet<>();
        changed.forEach(region -> lineages.addAll(DivisionCode.lineage(region)));
        List<String> regions = new ArrayList<>(lineages);
        ApprovedUnits units = ApprovedUnits.load(entityManager, regions, null);
        Map<String, List<Object[]>> weightedByRegion = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) entityManager
                .createNativeQuery(
                        """
                        SELECT DISTINCT region_code, indicator_code, area, year, weight FROM fact
                        WHERE region_code = ANY(CAST(?1 AS varchar[])) AND NOT weight_given""")
                .setParameter(1, regions.toArray(String[]::new))
                .getResultList()) {
            weightedByRegion
                    .computeIfAbsent((String) row[0], r -> new ArrayList<>())
                    .add(java.util.Arrays.copyOfRange(row, 1, row.length));
        }
        Map<String, BigDecimal> weights = populations.of(weightedByRegion.keySet());
        Deltas deltas = new Deltas();
        for (Map.Entry<String, List<Object[]>> entry : weightedByRegion.entrySet()) {
            String region = entry.getKey();
            List<Object[]> weighted = entry.getValue();
            BigDecimal weight = weights.get(region);
            // Only series whose weight really changes: an ancestor with a population of its own
            // keeps it when a village arrives, and its many series need no recomputing.
            Set<Series> series = new LinkedHashSet<>();
            for (Object[] row : weighted) {
                if (row[3] == null || ((BigDecimal) row[3]).compareTo(weight) != 0) {
                    series.add(new Series((String) row[0], region, (String) row[1], ((Number) row[2]).intValue()));
                }
            }
            for (Series one : series) {
                String indicatorCode = one.indicator();
                String area = one.area();
                int year = one.year();
                IndicatorDef indicator = IndicatorDef.findById(indicatorCode);
                String campaign = indicator == null ? null : indicator.campaign;
                List<Fact> before = facts(indicatorCode, region, area, year, campaign, units);
                entityManager
                        .createNativeQuery(
                                """
                                UPDATE fact SET weight = ?5 WHERE indicator_code = ?1 AND region_code = ?2 AND area = ?3
                                  AND year = ?4 AND NOT weight_given""")
                        .setParameter(1, indicatorCode)
                        .setParameter(2, region)
                        .setParameter(3, area)
                        .setParameter(4, year)
                        .setParameter(5, weight)
                        .executeUpdate();
                if (indicator != null) {
                    deltas.change(
                            indicator,
                            region,
                            area,
                            year,
                            before,
                            facts(indicatorCode, region, area, year, campaign, units));
                }
            }
        }
        flush(deltas);
    }

    /**
     * Recomputes an indicator's aggregates from its facts: for facts that arrived before the
     * indicator, or an indicator that moved to another campaign (whose approvals then cover it).
     */
    void onArrival(@Observes IndicatorArrived arrival) {
        rebuild(arrival.indicator());
    }

    @SuppressWarnings("unchecked")
    void rebuild(IndicatorDef indicator) {
        lock("pg_advisory_xact_lock");
        entityManager
                .createNativeQuery("DELETE FROM aggregate WHERE indicator_code = ?1")
                .setParameter(1, indicator.code)
                .executeUpdate();
        List<Object[]> facts = entityManager
                .createNativeQuery("SELECT " + SeriesScan.COLUMNS
                        + " FROM fact WHERE indicator_code = ?1 ORDER BY region_code, area, year")
                .setParameter(1, indicator.code)
                .getResultList();
        if (facts.isEmpty()) {
            return;
        }
        SeriesScan scan =
                new SeriesScan(Map.of(indicator.code, indicator), ApprovedUnits.load(entityManager, null, null));
        Deltas deltas = new Deltas();
        facts.forEach(row -> scan.accept(row, deltas));
        scan.finish(deltas);
        flush(deltas);
    }

    /**
     * A unit's approval changed whether its values count ({@link ApprovedUnits#counts}): every series
     * with a value it covers moves between the views, its changes added to {@code deltas}. Called
     * after the unit's new state is stored; {@code before} is the state it replaced. Reads facts and
     * units only, never aggregates, so a poll's units are taken in order and their deltas written
     * once ({@link #add}): the county's and the city's rows once per poll, not once per unit.
     */
    @SuppressWarnings("unchecked")
    public void approvalChanged(String region, String period, String campaign, String before, Deltas deltas) {
        lock("pg_advisory_xact_lock");
        Period unitPeriod = Period.parse(period).orElseThrow();
        ApprovedUnits now = ApprovedUnits.load(entityManager, DivisionCode.ancestors(region), region);
        ApprovedUnits then = now.with(region, period, campaign, before);
        // The series with a value in the unit; all their facts, since a flow's year to date and a
        // level's carried value depend on the series' other periods too. Two index-friendly
        // queries: prepared once, a single query over ranges and arrays is planned badly.
        DivisionCode.Subtree below = subtree(region);
        List<Object[]> touched = entityManager
                .createNativeQuery(
                        """
                        SELECT DISTINCT f.indicator_code, f.region_code, f.area
                        FROM fact f JOIN indicator_def i ON i.code = f.indicator_code
                        WHERE f.period = ANY(CAST(?1 AS varchar[])) AND f.region_code >= ?2 AND f.region_code < ?3
                          AND i.campaign = ?4""")
                .setParameter(
                        1,
                        unitPeriod.periodsWithin().stream()
                                .map(Period::toString)
                                .toArray(String[]::new))
                .setParameter(2, below.first())
                .setParameter(3, below.end())
                .setParameter(4, campaign)
                .getResultList();
        Set<Series> series = new LinkedHashSet<>();
        for (Object[] row : touched) {
            series.add(new Series((String) row[0], (String) row[1], (String) row[2], unitPeriod.year()));
        }
        Map<Series, List<StoredFact>> stored = storedFacts(series, now);
        for (Series one : series) {
            List<StoredFact> facts = stored.getOrDefault(one, List.of());
            List<Fact> old = facts.stream()
                    .map(f -> f.fact().official(then.covers(campaign, one.region(), f.period())))
                    .toList();
            deltas.change(
                    IndicatorDef.findById(one.indicator()), one.region(), one.area(), one.year(), old, facts(facts));
        }
    }

    /** Writes changes gathered by {@link #approvalChanged}. */
    public void add(Deltas deltas) {
        flush(deltas);
    }

    /** The aggregate rows of {@code regions} as of a month; regions without a row are absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Aggregate> read(String indicator, int year, int month, String area, Collection<String> regions) {
        Map<String, Aggregate> found = new HashMap<>();
        if (regions.isEmpty()) {
            return found;
        }
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT region_code, view, value, numerator, denominator, weighted, weight, reporters, approved
                        FROM aggregate
                        WHERE indicator_code = ?1 AND year = ?2 AND month = ?3 AND area = ?4
                          AND region_code = ANY(CAST(?5 AS varchar[]))""")
                .setParameter(1, indicator)
                .setParameter(2, year)
                .setParameter(3, month)
                .setParameter(4, area)
                .setParameter(5, regions.toArray(String[]::new))
                .getResultList();
        rows.forEach(row -> found.merge((String) row[0], aggregate(row), Aggregate::plus));
        return found;
    }

    /** One region's aggregates of the given indicators as of a month, by indicator: one index probe each, one statement. */
    @SuppressWarnings("unchecked")
    public Map<String, Aggregate> readRegion(
            Collection<String> indicators, int year, int month, String area, String region) {
        Map<String, Aggregate> found = new HashMap<>();
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT indicator_code, view, value, numerator, denominator, weighted, weight, reporters, approved
                        FROM aggregate
                        WHERE indicator_code = ANY(CAST(?1 AS varchar[])) AND year = ?2 AND month = ?3 AND area = ?4
                          AND region_code = ?5""")
                .setParameter(1, indicators.toArray(String[]::new))
                .setParameter(2, year)
                .setParameter(3, month)
                .setParameter(4, area)
                .setParameter(5, region)
                .getResultList();
        rows.forEach(row -> found.merge((String) row[0], aggregate(row), Aggregate::plus));
        return found;
    }

    /** One region's aggregate for each month of a year (index 0 is January; NONE where it has no row). */
    @SuppressWarnings("unchecked")
    public Aggregate[] months(String indicator, int year, String area, String region) {
        Aggregate[] months = new Aggregate[SeriesMonths.MONTHS];
        java.util.Arrays.fill(months, Aggregate.NONE);
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT month, view, value, numerator, denominator, weighted, weight, reporters, approved
                        FROM aggregate
                        WHERE indicator_code = ?1 AND year = ?2 AND area = ?3 AND region_code = ?4""")
                .setParameter(1, indicator)
                .setParameter(2, year)
                .setParameter(3, area)
                .setParameter(4, region)
                .getResultList();
        for (Object[] row : rows) {
            int index = ((Number) row[0]).intValue() - 1;
            months[index] = months[index].plus(aggregate(row));
        }
        return months;
    }

    /**
     * A region's default as-of month of a year: the last month any monthly or quarterly value in
     * its subtree covers.
     */
    public Optional<Integer> latestMonth(String region, int year) {
        return entityManager
                .createNativeQuery("SELECT latest_month FROM region_year WHERE region_code = ?1 AND year = ?2")
                .setParameter(1, region)
                .setParameter(2, year)
                .getResultStream()
                .findFirst()
                .map(month -> ((Number) month).intValue());
    }

    /**
     * Observation batches hold this lock shared; recomputing from facts (a late indicator, a new
     * population) holds it alone. Each reads the facts the other commits: without it, a batch's
     * facts not yet committed when an indicator's late definition recomputes its aggregates would
     * never be aggregated (the two arrive on different topics, through different consumers).
     */
    private void lock(String function) {
        entityManager
                .createNativeQuery("SELECT " + function + "(" + AGGREGATES_LOCK + ")")
                .getSingleResult();
    }

    private void flush(Deltas deltas) {
        if (deltas.rows().isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    """
                    INSERT INTO aggregate (indicator_code, year, month, area, region_code, view, value, numerator,
                                           denominator, weighted, weight, reporters, approved)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (indicator_code, year, month, area, region_code, view) DO UPDATE SET
                        value = aggregate.value + EXCLUDED.value,
                        numerator = aggregate.numerator + EXCLUDED.numerator,
                        denominator = aggregate.denominator + EXCLUDED.denominator,
                        weighted = aggregate.weighted + EXCLUDED.weighted,
                        weight = aggregate.weight + EXCLUDED.weight,
                        reporters = aggregate.reporters + EXCLUDED.reporters,
                        approved = aggregate.approved + EXCLUDED.approved""")) {
                for (Map.Entry<AggregateKey, Contribution> row : deltas.rows().entrySet()) {
                    if (row.getValue().isZero()) {
                        continue;
                    }
                    AggregateKey key = row.getKey();
                    Contribution change = row.getValue();
                    upsert.setString(1, key.indicator());
                    upsert.setInt(2, key.year());
                    upsert.setInt(3, key.month());
                    upsert.setString(4, key.area());
                    upsert.setString(5, key.region());
                    upsert.setString(6, key.view().name());
                    upsert.setBigDecimal(7, change.value());
                    upsert.setBigDecimal(8, change.numerator());
                    upsert.setBigDecimal(9, change.denominator());
                    upsert.setBigDecimal(10, change.weighted());
                    upsert.setBigDecimal(11, change.weight());
                    upsert.setLong(12, change.reporters());
                    upsert.setLong(13, change.approved());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /** The codes at or below a region (a code that is not a division's stands for itself alone). */
    static DivisionCode.Subtree subtree(String region) {
        return DivisionCode.parse(region).map(DivisionCode::subtree).orElse(DivisionCode.Subtree.of(region));
    }

    /** A fact as stored, with the period and version it is kept under. */
    record StoredFact(String period, long version, Fact fact) {}

    /** One series of facts: an indicator's values of a region and area in a year. */
    record Series(String indicator, String region, String area, int year) {}

    /** A region's year, whose latest month with a value {@code region_year} keeps; in key order, as rows are locked. */
    record RegionYear(String region, int year) implements Comparable<RegionYear> {
        @Override
        public int compareTo(RegionYear other) {
            int byRegion = region.compareTo(other.region);
            return byRegion != 0 ? byRegion : Integer.compare(year, other.year);
        }
    }

    /**
     * The stored facts of every series (indicator, region, area, year) of {@code states}, by
     * series, each marked official as {@code units} say.
     */
    private Map<Series, List<StoredFact>> storedFacts(List<ObservationState> states, ApprovedUnits units) {
        Set<Series> series = new LinkedHashSet<>();
        for (ObservationState state : states) {
            series.add(new Series(
                    state.indicator(),
                    state.region(),
                    state.area(),
                    Integer.parseInt(state.period().substring(0, 4))));
        }
        return storedFacts(series, units);
    }

    /** The stored facts of each series, marked as {@code units} say. */
    @SuppressWarnings("unchecked")
    private Map<Series, List<StoredFact>> storedFacts(Set<Series> series, ApprovedUnits units) {
        if (series.isEmpty()) {
            return new HashMap<>();
        }
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT f.indicator_code, f.region_code, f.area, f.year, f.period, f.version, f.first_month,
                               f.value, f.numerator, f.denominator, f.weight, i.campaign
                        FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS varchar[]), CAST(?3 AS varchar[]),
                                    CAST(?4 AS int[])) AS k(i, r, a, y)
                        JOIN fact f ON f.indicator_code = k.i AND f.region_code = k.r AND f.area = k.a
                                   AND f.year = k.y
                        LEFT JOIN indicator_def i ON i.code = f.indicator_code""")
                .setParameter(1, series.stream().map(Series::indicator).toArray(String[]::new))
                .setParameter(2, series.stream().map(Series::region).toArray(String[]::new))
                .setParameter(3, series.stream().map(Series::area).toArray(String[]::new))
                .setParameter(4, series.stream().map(Series::year).toArray(Integer[]::new))
                .getResultList();
        Map<Series, List<StoredFact>> stored = new HashMap<>();
        for (Object[] row : rows) {
            stored.computeIfAbsent(
                            new Series((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).intValue()),
                            key -> new ArrayList<>())
                    .add(new StoredFact(
                            (String) row[4],
                            ((Number) row[5]).longValue(),
                            Fact.of(row, 6, units.covers((String) row[11], (String) row[1], (String) row[4]))));
        }
        return stored;
    }

    private static List<Fact> facts(List<StoredFact> stored) {
        return stored.stream().map(StoredFact::fact).toList();
    }

    private record FactKey(String indicator, String region, String area, String period) {}

    private record SavedFact(ObservationState state, Period period, BigDecimal weight) {}

    /** One JDBC batch for a poll's facts: one statement each through JPA was a round trip each. */
    private void saveFacts(Collection<SavedFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    """
                    INSERT INTO fact (indicator_code, region_code, area, year, period, first_month, value,
                                      numerator, denominator, weight, weight_given, version,
                                      recorded_by, recorded_at, replaced_value)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (indicator_code, region_code, area, year, period) DO UPDATE SET
                        value = EXCLUDED.value, numerator = EXCLUDED.numerator,
                        denominator = EXCLUDED.denominator, weight = EXCLUDED.weight,
                        weight_given = EXCLUDED.weight_given, version = EXCLUDED.version,
                        recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at,
                        replaced_value = EXCLUDED.replaced_value
                    WHERE fact.version < EXCLUDED.version""")) {
                for (SavedFact fact : facts) {
                    ObservationState state = fact.state();
                    upsert.setString(1, state.indicator());
                    upsert.setString(2, state.region());
                    upsert.setString(3, state.area());
                    upsert.setInt(4, fact.period().year());
                    upsert.setString(5, state.period());
                    upsert.setInt(6, fact.period().firstMonth());
                    upsert.setBigDecimal(7, state.value());
                    upsert.setBigDecimal(8, state.numerator());
                    upsert.setBigDecimal(9, state.denominator());
                    upsert.setBigDecimal(10, fact.weight());
                    upsert.setBoolean(11, state.weight() != null);
                    upsert.setLong(12, state.version());
                    upsert.setString(13, state.recordedBy());
                    upsert.setObject(14, state.recordedAt());
                    upsert.setBigDecimal(15, state.replacedValue());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /** A series' facts, each marked official as {@code units} say. */
    @SuppressWarnings("unchecked")
    private List<Fact> facts(
            String indicator, String region, String area, int year, String campaign, ApprovedUnits units) {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT period, first_month, value, numerator, denominator, weight FROM fact
                        WHERE indicator_code = ?1 AND region_code = ?2 AND area = ?3 AND year = ?4""")
                .setParameter(1, indicator)
                .setParameter(2, region)
                .setParameter(3, area)
                .setParameter(4, year)
                .getResultList();
        return rows.stream()
                .map(row -> Fact.of(row, 1, units.covers(campaign, region, (String) row[0])))
                .toList();
    }

    /** A row of {@code view, value, numerator, denominator, weighted, weight, reporters, approved} from column 1. */
    private static Aggregate aggregate(Object[] row) {
        return Aggregate.of(
                View.valueOf((String) row[1]),
                new Contribution(
                        (BigDecimal) row[2],
                        (BigDecimal) row[3],
                        (BigDecimal) row[4],
                        (BigDecimal) row[5],
                        (BigDecimal) row[6],
                        ((Number) row[7]).longValue(),
                        ((Number) row[8]).longValue()));
    }
}
