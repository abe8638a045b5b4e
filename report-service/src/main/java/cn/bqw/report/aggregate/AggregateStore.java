package cn.bqw.report.aggregate;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.division.RegionRecord;
import cn.bqw.platform.division.RegionReplica;
import cn.bqw.platform.period.Period;
import cn.bqw.report.catalogue.IndicatorDef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * The facts and aggregates. A recorded value replaces its fact; the difference it makes to its
 * series, month by month, is added to the aggregate rows of its region and every ancestor up to the
 * city, in key order (so that concurrent consumers never deadlock). Reports read aggregate rows
 * only; raw facts are read per series, never per report.
 */
@ApplicationScoped
public class AggregateStore {

    /** The advisory lock key of aggregate writes ("bqwa"). */
    static final long AGGREGATES_LOCK = 0x62717761L;

    @Inject
    EntityManager entityManager;

    @Inject
    RegionReplica regions;

    /**
     * Applies a poll's values in the caller's transaction: each replaces its fact (unless the
     * projection has that version or a newer one), and the aggregate rows they change are written
     * once each, in key order, at the end.
     */
    public void recordAll(List<ObservationState> states) {
        lock("pg_advisory_xact_lock_shared");
        Deltas deltas = new Deltas();
        Map<Integer, Integer> latestMonths = new HashMap<>();
        // What the poll's values replace and weigh by, read up front: one query each, not one per value.
        Map<String, List<StoredFact>> stored = storedFacts(states);
        Map<String, BigDecimal> populations = populations(states.stream()
                .filter(state -> state.weight() == null)
                .map(ObservationState::region)
                .collect(Collectors.toSet()));
        for (ObservationState state : states) {
            Period period = Period.parse(state.period())
                    .orElseThrow(() -> new IllegalArgumentException("period " + state.period()));
            String series = seriesKey(state.indicator(), state.region(), state.area(), period.year());
            List<StoredFact> before = stored.getOrDefault(series, List.of());
            Optional<StoredFact> same = before.stream()
                    .filter(f -> f.period().equals(state.period()))
                    .findFirst();
            if (same.isPresent() && same.get().version() >= state.version()) {
                continue;
            }
            BigDecimal weight = state.weight() != null ? state.weight() : populations.get(state.region());
            saveFact(state, period, weight);
            Fact fact = new Fact(period.firstMonth(), state.value(), state.numerator(), state.denominator(), weight);
            List<StoredFact> now = new ArrayList<>(before.size() + 1);
            before.stream().filter(f -> !f.period().equals(state.period())).forEach(now::add);
            now.add(new StoredFact(state.period(), state.version(), fact));
            stored.put(series, now);
            if (period.length() != Period.Length.YEAR) {
                latestMonths.merge(period.year(), period.lastMonth(), Math::max);
            }
            IndicatorDef indicator = IndicatorDef.findById(state.indicator());
            if (indicator != null) {
                List<Fact> after = new ArrayList<>();
                before.stream().filter(f -> !f.period().equals(state.period())).forEach(f -> after.add(f.fact()));
                after.add(fact);
                deltas.add(
                        indicator,
                        state.region(),
                        state.area(),
                        period.year(),
                        SeriesMonths.difference(
                                SeriesMonths.of(indicator.flow(), after),
                                SeriesMonths.of(indicator.flow(), facts(before))));
            }
        }
        flush(deltas);
        latestMonths.forEach((year, month) -> entityManager
                .createNativeQuery(
                        """
                        INSERT INTO report_year (year, latest_month) VALUES (?1, ?2)
                        ON CONFLICT (year) DO UPDATE SET latest_month = GREATEST(report_year.latest_month, ?2)""")
                .setParameter(1, year)
                .setParameter(2, month)
                .executeUpdate());
    }

    /**
     * A region's population changed (or became known): the facts weighted by it, its own and its
     * ancestors' (a division's population may be the sum of its villages'), take the new weight,
     * and their series' aggregates change by the difference. So the order in which divisions and
     * observations arrive, from their separate topics, does not matter.
     */
    @SuppressWarnings("unchecked")
    public void reweigh(String village) {
        lock("pg_advisory_xact_lock");
        List<String> regions = new ArrayList<>(List.of(village));
        regions.addAll(ancestors(village));
        Deltas deltas = new Deltas();
        for (String region : regions) {
            List<Object[]> weighted = entityManager
                    .createNativeQuery(
                            """
                            SELECT DISTINCT indicator_code, area, year, weight FROM fact
                            WHERE region_code = ?1 AND NOT weight_given""")
                    .setParameter(1, region)
                    .getResultList();
            if (weighted.isEmpty()) {
                continue;
            }
            BigDecimal weight = population(region);
            // Only series whose weight really changes: an ancestor with a population of its own
            // keeps it when a village arrives, and its many series need no recomputing.
            Map<String, Object[]> series = new LinkedHashMap<>();
            for (Object[] row : weighted) {
                if (row[3] == null || ((BigDecimal) row[3]).compareTo(weight) != 0) {
                    series.putIfAbsent(row[0] + "|" + row[1] + "|" + row[2], row);
                }
            }
            for (Object[] one : series.values()) {
                String indicatorCode = (String) one[0];
                String area = (String) one[1];
                int year = ((Number) one[2]).intValue();
                List<Fact> before = facts(indicatorCode, region, area, year);
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
                IndicatorDef indicator = IndicatorDef.findById(indicatorCode);
                if (indicator != null) {
                    deltas.add(
                            indicator,
                            region,
                            area,
                            year,
                            SeriesMonths.difference(
                                    SeriesMonths.of(indicator.flow(), facts(indicatorCode, region, area, year)),
                                    SeriesMonths.of(indicator.flow(), before)));
                }
            }
        }
        flush(deltas);
    }

    /** Recomputes an indicator's aggregates from its facts: for facts that arrived before the indicator. */
    @SuppressWarnings("unchecked")
    public void rebuild(IndicatorDef indicator) {
        lock("pg_advisory_xact_lock");
        entityManager
                .createNativeQuery("DELETE FROM aggregate WHERE indicator_code = ?1")
                .setParameter(1, indicator.code)
                .executeUpdate();
        List<Object[]> series = entityManager
                .createNativeQuery("SELECT DISTINCT region_code, area, year FROM fact WHERE indicator_code = ?1")
                .setParameter(1, indicator.code)
                .getResultList();
        Deltas deltas = new Deltas();
        for (Object[] one : series) {
            String region = (String) one[0];
            String area = (String) one[1];
            int year = ((Number) one[2]).intValue();
            deltas.add(
                    indicator,
                    region,
                    area,
                    year,
                    SeriesMonths.of(indicator.flow(), facts(indicator.code, region, area, year)));
        }
        flush(deltas);
    }

    /** The aggregate rows of {@code regions} as of a month; regions without a row are absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Contribution> read(
            String indicator, int year, int month, String area, Collection<String> regions) {
        Map<String, Contribution> found = new HashMap<>();
        if (regions.isEmpty()) {
            return found;
        }
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT region_code, value, numerator, denominator, weighted, weight, reporters FROM aggregate
                        WHERE indicator_code = ?1 AND year = ?2 AND month = ?3 AND area = ?4
                          AND region_code = ANY(CAST(?5 AS varchar[]))""")
                .setParameter(1, indicator)
                .setParameter(2, year)
                .setParameter(3, month)
                .setParameter(4, area)
                .setParameter(5, regions.toArray(String[]::new))
                .getResultList();
        for (Object[] row : rows) {
            found.put((String) row[0], contribution(row, 1));
        }
        return found;
    }

    /** One region's aggregates of the given indicators as of a month, by indicator: one index probe each, one statement. */
    @SuppressWarnings("unchecked")
    public Map<String, Contribution> readRegion(
            Collection<String> indicators, int year, int month, String area, String region) {
        Map<String, Contribution> found = new HashMap<>();
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT indicator_code, value, numerator, denominator, weighted, weight, reporters FROM aggregate
                        WHERE indicator_code = ANY(CAST(?1 AS varchar[])) AND year = ?2 AND month = ?3 AND area = ?4
                          AND region_code = ?5""")
                .setParameter(1, indicators.toArray(String[]::new))
                .setParameter(2, year)
                .setParameter(3, month)
                .setParameter(4, area)
                .setParameter(5, region)
                .getResultList();
        for (Object[] row : rows) {
            found.put((String) row[0], contribution(row, 1));
        }
        return found;
    }

    /** One region's aggregate for each month of a year (index 0 is January; NONE where it has no row). */
    @SuppressWarnings("unchecked")
    public Contribution[] months(String indicator, int year, String area, String region) {
        Contribution[] months = new Contribution[SeriesMonths.MONTHS];
        java.util.Arrays.fill(months, Contribution.NONE);
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT month, value, numerator, denominator, weighted, weight, reporters FROM aggregate
                        WHERE indicator_code = ?1 AND year = ?2 AND area = ?3 AND region_code = ?4""")
                .setParameter(1, indicator)
                .setParameter(2, year)
                .setParameter(3, area)
                .setParameter(4, region)
                .getResultList();
        for (Object[] row : rows) {
            months[((Number) row[0]).intValue() - 1] = contribution(row, 1);
        }
        return months;
    }

    /** The default as-of month of a year: the last month any monthly or quarterly value covers. */
    public Optional<Integer> latestMonth(int year) {
        return entityManager
                .createNativeQuery("SELECT latest_month FROM report_year WHERE year = ?1")
                .setParameter(1, year)
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
                    INSERT INTO aggregate (indicator_code, year, month, area, region_code, value, numerator,
                                           denominator, weighted, weight, reporters)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (indicator_code, year, month, area, region_code) DO UPDATE SET
                        value = aggregate.value + EXCLUDED.value,
                        numerator = aggregate.numerator + EXCLUDED.numerator,
                        denominator = aggregate.denominator + EXCLUDED.denominator,
                        weighted = aggregate.weighted + EXCLUDED.weighted,
                        weight = aggregate.weight + EXCLUDED.weight,
                        reporters = aggregate.reporters + EXCLUDED.reporters""")) {
                for (Map.Entry<String, Contribution> row : deltas.rows().entrySet()) {
                    if (row.getValue().isZero()) {
                        continue;
                    }
                    String[] key = row.getKey().split("\\|");
                    Contribution change = row.getValue();
                    upsert.setString(1, key[0]);
                    upsert.setInt(2, Integer.parseInt(key[1]));
                    upsert.setInt(3, Integer.parseInt(key[2]));
                    upsert.setString(4, key[3]);
                    upsert.setString(5, key[4]);
                    upsert.setBigDecimal(6, change.value());
                    upsert.setBigDecimal(7, change.numerator());
                    upsert.setBigDecimal(8, change.denominator());
                    upsert.setBigDecimal(9, change.weighted());
                    upsert.setBigDecimal(10, change.weight());
                    upsert.setLong(11, change.reporters());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /** The divisions above a region, up to its city. */
    public static List<String> ancestors(String region) {
        List<String> up = new ArrayList<>();
        Optional<DivisionCode> code = DivisionCode.parse(region);
        while (code.isPresent() && code.get().level() != DivisionLevel.CITY) {
            code = code.get().parent();
            code.ifPresent(parent -> up.add(parent.value()));
        }
        return up;
    }

    /** A region's resident population: its own figure, else the sum of its active villages'. */
    public BigDecimal population(String region) {
        return population(region, regions.find(List.of(region)).get(region));
    }

    /** {@link #population} of each region, their records read in one query. */
    private Map<String, BigDecimal> populations(Set<String> codes) {
        Map<String, RegionRecord> records = regions.find(codes);
        Map<String, BigDecimal> populations = new HashMap<>();
        for (String code : codes) {
            populations.put(code, population(code, records.get(code)));
        }
        return populations;
    }

    private BigDecimal population(String region, RegionRecord record) {
        if (record != null && record.population() != null) {
            return BigDecimal.valueOf(record.population());
        }
        Object sum = entityManager
                .createNativeQuery(
                        """
                        SELECT COALESCE(SUM(population), 0) FROM region_replica
                        WHERE level = 'VILLAGE' AND active AND code >= ?1 AND code < ?2""")
                .setParameter(1, prefix(region))
                .setParameter(2, pastPrefix(region))
                .getSingleResult();
        return new BigDecimal(sum.toString());
    }

    /** Active villages at or below a region: the denominator of SHARE_TRUE. */
    @SuppressWarnings("unchecked")
    public long activeVillages(String region) {
        List<Object> count = entityManager
                .createNativeQuery("SELECT villages FROM active_villages WHERE region_code = ?1")
                .setParameter(1, region)
                .getResultList();
        return count.isEmpty() ? 0 : ((Number) count.get(0)).longValue();
    }

    /** Adds {@code change} to the active villages of every division above the village, from the top down. */
    public void countActiveVillages(String village, int change) {
        List<String> above = new ArrayList<>();
        for (DivisionCode code =
                        DivisionCode.parse(village).orElseThrow().parent().orElse(null);
                code != null;
                code = code.parent().orElse(null)) {
            above.add(0, code.value());
        }
        for (String division : above) {
            entityManager
                    .createNativeQuery(
                            """
                            INSERT INTO active_villages (region_code, villages) VALUES (?1, ?2)
                            ON CONFLICT (region_code) DO UPDATE SET villages = active_villages.villages + excluded.villages""")
                    .setParameter(1, division)
                    .setParameter(2, change)
                    .executeUpdate();
        }
    }

    private static String prefix(String region) {
        return DivisionCode.parse(region).map(DivisionCode::prefix).orElse(region);
    }

    /**
     * The first code after every code that starts with the region's prefix ("9901" → "9902"): a
     * range on the primary key, which a LIKE under the database's collation cannot use. Codes are
     * digits of one length, which every collation orders as numbers.
     */
    static String pastPrefix(String region) {
        String prefix = prefix(region);
        if (prefix.chars().allMatch(c -> c == '9')) {
            // Past every twelve-digit code: thirteen nines.
            return "9".repeat(13);
        }
        return new java.math.BigInteger(prefix).add(java.math.BigInteger.ONE).toString();
    }

    /** A fact as stored, with the period and version it is kept under. */
    record StoredFact(String period, long version, Fact fact) {}

    private static String seriesKey(String indicator, String region, String area, int year) {
        return indicator + "|" + region + "|" + area + "|" + year;
    }

    /** The stored facts of every series (indicator, region, area, year) of {@code states}, by series. */
    @SuppressWarnings("unchecked")
    private Map<String, List<StoredFact>> storedFacts(List<ObservationState> states) {
        Map<String, String[]> series = new LinkedHashMap<>();
        for (ObservationState state : states) {
            String year = state.period().substring(0, 4);
            series.putIfAbsent(
                    seriesKey(state.indicator(), state.region(), state.area(), Integer.parseInt(year)),
                    new String[] {state.indicator(), state.region(), state.area(), year});
        }
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT f.indicator_code, f.region_code, f.area, f.year, f.period, f.version, f.first_month,
                               f.value, f.numerator, f.denominator, f.weight
                        FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS varchar[]), CAST(?3 AS varchar[]),
                                    CAST(?4 AS int[])) AS k(i, r, a, y)
                        JOIN fact f ON f.indicator_code = k.i AND f.region_code = k.r AND f.area = k.a
                                   AND f.year = k.y""")
                .setParameter(1, column(series, 0))
                .setParameter(2, column(series, 1))
                .setParameter(3, column(series, 2))
                .setParameter(
                        4,
                        series.values().stream()
                                .map(key -> Integer.valueOf(key[3]))
                                .toArray(Integer[]::new))
                .getResultList();
        Map<String, List<StoredFact>> stored = new HashMap<>();
        for (Object[] row : rows) {
            stored.computeIfAbsent(
                            seriesKey((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).intValue()),
                            key -> new ArrayList<>())
                    .add(new StoredFact(
                            (String) row[4],
                            ((Number) row[5]).longValue(),
                            new Fact(
                                    ((Number) row[6]).intValue(),
                                    (BigDecimal) row[7],
                                    (BigDecimal) row[8],
                                    (BigDecimal) row[9],
                                    (BigDecimal) row[10])));
        }
        return stored;
    }

    private static String[] column(Map<String, String[]> keys, int index) {
        return keys.values().stream().map(key -> key[index]).toArray(String[]::new);
    }

    private static List<Fact> facts(List<StoredFact> stored) {
        return stored.stream().map(StoredFact::fact).toList();
    }

    private void saveFact(ObservationState state, Period period, BigDecimal weight) {
        entityManager
                .createNativeQuery(
                        """
                        INSERT INTO fact (indicator_code, region_code, area, year, period, first_month, value,
                                          numerator, denominator, weight, weight_given, version,
                                          recorded_by, recorded_at, replaced_value)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                        ON CONFLICT (indicator_code, region_code, area, year, period) DO UPDATE SET
                            value = EXCLUDED.value, numerator = EXCLUDED.numerator,
                            denominator = EXCLUDED.denominator, weight = EXCLUDED.weight,
                            weight_given = EXCLUDED.weight_given, version = EXCLUDED.version,
                            recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at,
                            replaced_value = EXCLUDED.replaced_value""")
                .setParameter(1, state.indicator())
                .setParameter(2, state.region())
                .setParameter(3, state.area())
                .setParameter(4, period.year())
                .setParameter(5, state.period())
                .setParameter(6, period.firstMonth())
                .setParameter(7, state.value())
                .setParameter(8, state.numerator())
                .setParameter(9, state.denominator())
                .setParameter(10, weight)
                .setParameter(11, state.weight() != null)
                .setParameter(12, state.version())
                .setParameter(13, state.recordedBy())
                .setParameter(14, state.recordedAt())
                .setParameter(15, state.replacedValue())
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Fact> facts(String indicator, String region, String area, int year) {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT first_month, value, numerator, denominator, weight FROM fact
                        WHERE indicator_code = ?1 AND region_code = ?2 AND area = ?3 AND year = ?4""")
                .setParameter(1, indicator)
                .setParameter(2, region)
                .setParameter(3, area)
                .setParameter(4, year)
                .getResultList();
        return rows.stream()
                .map(row -> new Fact(
                        ((Number) row[0]).intValue(),
                        (BigDecimal) row[1],
                        (BigDecimal) row[2],
                        (BigDecimal) row[3],
                        (BigDecimal) row[4]))
                .toList();
    }

    private static Contribution contribution(Object[] row, int from) {
        return new Contribution(
                (BigDecimal) row[from],
                (BigDecimal) row[from + 1],
                (BigDecimal) row[from + 2],
                (BigDecimal) row[from + 3],
                (BigDecimal) row[from + 4],
                ((Number) row[from + 5]).longValue());
    }
}
