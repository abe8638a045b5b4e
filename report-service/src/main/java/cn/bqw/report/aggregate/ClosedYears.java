package cn.bqw.report.aggregate;

import cn.bqw.platform.audit.AdminActs;
import cn.bqw.platform.events.IncomingEvent;
import cn.bqw.platform.period.Period;
import cn.bqw.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Closed years: a copy of a year's facts, aggregates, approval units and latest months, taken when
 * an admin closes the year, from which a rebuild starts instead of replaying the year's values and
 * approval steps. A value or step of the year applied afterwards makes the copy stale (it misses
 * that one): a rebuild then replays the year again until it is closed anew.
 */
@ApplicationScoped
public class ClosedYears {

    /**
     * Approval polls hold this lock shared, a close alone: approval steps that move no value between
     * the views do not take the aggregates' lock, and one committed in the middle of a close would be
     * neither in the copy nor counted as a change after it.
     */
    static final long CLOSING_LOCK = 0x62717763L;

    /** Each table a copy keeps (as {@code closed_} and its name), with the condition on its rows of a year. */
    private static final Map<String, String> COPIES = Map.of(
            "fact", "year = %d",
            "aggregate", "year = %d",
            "approval_unit", "substr(period, 1, 4) = '%d'",
            "region_year", "year = %d");

    /** A closed year as the API shows it. */
    public record ClosedYear(
            int year, OffsetDateTime closedAt, String closedBy, long facts, long aggregates, boolean current) {}

    @Inject
    EntityManager entityManager;

    @Inject
    AdminActs acts;

    /**
     * Copies the year's part of the live tables, replacing an earlier copy; with the live consumers'
     * lock held alone, so that the copy is of whole polls. Only a year before this one closes.
     */
    @Transactional
    public ClosedYear close(String yearText, String actor) {
        int year = yearOver(yearText);
        // Neither a poll of values nor one of approval steps commits while the copies are made.
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(" + CLOSING_LOCK + "), pg_advisory_xact_lock("
                        + AggregateStore.AGGREGATES_LOCK + ")")
                .getSingleResult();
        COPIES.forEach((table, ofTheYear) -> {
            String where = ofTheYear.formatted(year);
            entityManager
                    .createNativeQuery("DELETE FROM closed_%s WHERE %s; INSERT INTO closed_%s SELECT * FROM %s WHERE %s"
                            .formatted(table, where, table, table, where))
                    .executeUpdate();
        });
        ClosedYear closed = new ClosedYear(
                year,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                actor,
                count("closed_fact", year),
                count("closed_aggregate", year),
                true);
        entityManager
                .createNativeQuery(
                        """
                        INSERT INTO closed_year (year, closed_at, closed_by, facts, aggregates, current)
                        VALUES (?1, ?2, ?3, ?4, ?5, true)
                        ON CONFLICT (year) DO UPDATE SET closed_at = EXCLUDED.closed_at, closed_by = EXCLUDED.closed_by,
                            facts = EXCLUDED.facts, aggregates = EXCLUDED.aggregates, current = true""")
                .setParameter(1, year)
                .setParameter(2, closed.closedAt())
                .setParameter(3, actor)
                .setParameter(4, closed.facts())
                .setParameter(5, closed.aggregates())
                .executeUpdate();
        acts.record(
                actor,
                "year.close",
                String.valueOf(year),
                null,
                "%d facts, %d aggregates copied".formatted(closed.facts(), closed.aggregates()));
        return closed;
    }

    /**
     * Opens a closed year again: its copy is dropped, and every later rebuild replays the year. A
     * rebuild that started from the copy fails at its switch-over, as for a copy that changed.
     */
    @Transactional
    public void reopen(String yearText, String actor) {
        int year = yearOver(yearText);
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(" + CLOSING_LOCK + ")")
                .getSingleResult();
        int closed = entityManager
                .createNativeQuery("DELETE FROM closed_year WHERE year = ?1")
                .setParameter(1, year)
                .executeUpdate();
        if (closed == 0) {
            throw ProblemException.notFound("closed year", String.valueOf(year));
        }
        COPIES.forEach((table, ofTheYear) -> entityManager
                .createNativeQuery("DELETE FROM closed_%s WHERE %s".formatted(table, ofTheYear.formatted(year)))
                .executeUpdate());
        acts.record(actor, "year.reopen", String.valueOf(year), null, "copy dropped");
    }

    public List<ClosedYear> list() {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<ClosedYear> years = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT year, closed_at, closed_by, facts, aggregates, current FROM closed_year ORDER BY year")) {
                while (rows.next()) {
                    years.add(new ClosedYear(
                            rows.getInt(1),
                            rows.getObject(2, OffsetDateTime.class),
                            rows.getString(3),
                            rows.getLong(4),
                            rows.getLong(5),
                            rows.getBoolean(6)));
                }
            }
            return years;
        });
    }

    /** The closed years whose copies are current, each with when it was closed: where a rebuild starts. */
    public Map<Integer, OffsetDateTime> current() {
        Map<Integer, OffsetDateTime> years = new TreeMap<>();
        list().stream().filter(ClosedYear::current).forEach(closed -> years.put(closed.year(), closed.closedAt()));
        return years;
    }

    /** The copies of {@code years} put into the tables of {@code schema}, a rebuild's fresh ones. */
    public void restore(String schema, Collection<Integer> years) {
        years.forEach(year -> COPIES.forEach((table, ofTheYear) -> entityManager
                .createNativeQuery("INSERT INTO %s.%s SELECT * FROM closed_%s WHERE %s"
                        .formatted(schema, table, table, ofTheYear.formatted(year)))
                .executeUpdate()));
    }

    /**
     * Whether each of {@code restored} is still the copy a rebuild started from: closed at the same
     * moment and no value or step of it applied since.
     */
    public boolean unchanged(Map<Integer, OffsetDateTime> restored) {
        Map<Integer, ClosedYear> now = list().stream().collect(Collectors.toMap(ClosedYear::year, closed -> closed));
        return restored.entrySet().stream().allMatch(year -> {
            ClosedYear closed = now.get(year.getKey());
            return closed != null
                    && closed.current()
                    && closed.closedAt().toInstant().equals(year.getValue().toInstant());
        });
    }

    /** An approval poll's first step: no close runs until it commits. */
    public void holdOffClosing() {
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock_shared(" + CLOSING_LOCK + ")")
                .getSingleResult();
    }

    /** Values or steps of these years were applied: the copies of those that are closed miss them. */
    public void changed(Collection<Integer> years) {
        if (years.isEmpty()) {
            return;
        }
        entityManager
                .createNativeQuery(
                        "UPDATE closed_year SET current = false WHERE current AND year = ANY(" + array(years) + ")")
                .executeUpdate();
    }

    /** Years as an SQL array literal (numbers only: nothing to escape). */
    static String array(Collection<Integer> years) {
        return years.stream().distinct().map(String::valueOf).collect(Collectors.joining(",", "'{", "}'::int[]"));
    }

    /** The year of a value's or an approval step's event (both name their period), if it names one. */
    public static Optional<Integer> yearOf(IncomingEvent event) {
        return Period.parse(event.data().path("period").asText("")).map(Period::year);
    }

    /** A year from 2000 to last year, as a path gives it. */
    private static int yearOver(String text) {
        int thisYear = OffsetDateTime.now(ZoneOffset.UTC).getYear();
        int year = text.matches("[0-9]{4}") ? Integer.parseInt(text) : 0;
        if (year < 2000 || year >= thisYear) {
            throw ProblemException.invalid("year", "a year from 2000 to " + (thisYear - 1) + " (a year that is over)");
        }
        return year;
    }

    private long count(String table, int year) {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM " + table + " WHERE year = ?1")
                        .setParameter(1, year)
                        .getSingleResult())
                .longValue();
    }
}
