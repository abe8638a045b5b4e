package cn.bqw.indicator.observation;

import cn.bqw.indicator.catalogue.OutlierPolicy;
import cn.bqw.indicator.locking.Locks;
import cn.bqw.indicator.region.RegionRules;
import cn.bqw.platform.api.WriteEffect;
import cn.bqw.platform.division.RegionRecord;
import cn.bqw.platform.division.RegionReplica;
import cn.bqw.platform.events.DomainEvent;
import cn.bqw.platform.events.Outbox;
import cn.bqw.platform.jdbc.CopyIn;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.security.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Writes checked values in the caller's transaction, a batch at a time: each value's region, lock
 * and outlier checks, then the batch's new rows by COPY, its revisions (the replaced state moves to
 * {@code observation_revision}) and its outbox events. The series the batch touches are read
 * {@code FOR UPDATE}, so concurrent writers of a series queue up and each sees the value it replaces.
 */
@ApplicationScoped
public class ObservationWriter {

    /** What became of one value: its effect and what was recorded, or why it was refused. */
    public record Outcome(WriteEffect effect, ObservationRecorded recorded, ProblemException refusal) {

        static Outcome refused(ProblemException refusal) {
            return new Outcome(null, null, refusal);
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    RegionReplica replica;

    @Inject
    RegionRules regionRules;

    @Inject
    Outbox outbox;

    @Inject
    CurrentActor actor;

    /** Outcomes in the order of {@code candidates}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Outcome> write(List<Candidate> candidates, Locks locks) {
        Map<String, RegionRecord> regions =
                replica.find(candidates.stream().map(c -> c.region).collect(Collectors.toSet()));
        Outcome[] outcomes = new Outcome[candidates.size()];
        List<Candidate> admitted = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            try {
                regionRules.requireWritable(
                        candidate.region, regions.get(candidate.region), candidate.indicator.reportedAt());
                locks.requireOpen(candidate.indicator.code(), candidate.region, candidate.period);
                admitted.add(candidate);
                positions.add(i);
            } catch (ProblemException e) {
                outcomes[i] = Outcome.refused(e);
            }
        }
        Session session = entityManager.unwrap(Session.class);
        session.flush();
        List<DomainEvent> events = session.doReturningWork(connection -> {
            StoredValues stored = StoredValues.read(connection, admitted);
            return write(connection, admitted, positions, stored, outcomes);
        });
        outbox.recordAll(events);
        return List.of(outcomes);
    }

    private List<DomainEvent> write(
            Connection connection,
            List<Candidate> admitted,
            List<Integer> positions,
            StoredValues stored,
            Outcome[] outcomes)
            throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String by = actor.name();
        CopyIn inserts = new CopyIn("observation (" + ObservationRows.COLUMNS + ")");
        CopyIn revisions = new CopyIn("observation_revision (" + ObservationRows.COLUMNS + ")");
        List<ObservationView> updates = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();
        for (int a = 0; a < admitted.size(); a++) {
            Candidate candidate = admitted.get(a);
            int position = positions.get(a);
            ObservationView before = stored.current(candidate.key);
            if (before != null && sameValue(before, candidate)) {
                outcomes[position] = new Outcome(WriteEffect.UNCHANGED, ObservationRecorded.of(before, before), null);
                continue;
            }
            Optional<String> outlier = stored.judge(candidate);
            if (outlier.isPresent() && candidate.indicator.outliers() == OutlierPolicy.REJECT) {
                outcomes[position] = Outcome.refused(ProblemException.invalid(
                        "value",
                        "is an outlier and " + candidate.indicator.code() + " rejects outliers (" + outlier.get()
                                + ")"));
                continue;
            }
            ObservationView after = new ObservationView(
                    candidate.indicator.code(),
                    candidate.region,
                    candidate.periodText,
                    candidate.area,
                    candidate.value,
                    candidate.numerator,
                    candidate.denominator,
                    candidate.weight,
                    outlier.orElse(null),
                    before == null ? 1 : before.version() + 1,
                    now,
                    by);
            stored.put(candidate, after);
            if (before == null) {
                inserts.row(ObservationRows.values(after));
            } else {
                revisions.row(ObservationRows.values(before));
                updates.add(after);
            }
            ObservationRecorded recorded = ObservationRecorded.of(after, before);
            events.add(ObservationEvents.RECORDED.of(candidate.seriesKey, recorded));
            outcomes[position] =
                    new Outcome(before == null ? WriteEffect.CREATED : WriteEffect.UPDATED, recorded, null);
        }
        insert(connection, inserts);
        revisions.copy(connection);
        update(connection, updates);
        return events;
    }

    private static boolean sameValue(ObservationView current, Candidate candidate) {
        return current.value().compareTo(candidate.value) == 0
                && same(current.numerator(), candidate.numerator)
                && same(current.denominator(), candidate.denominator)
                && same(current.weight(), candidate.weight);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** New keys; one another request inserted meanwhile (its row was not there to lock) fails the whole request. */
    private static void insert(Connection connection, CopyIn inserts) throws SQLException {
        try {
            inserts.copy(connection);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw ProblemException.conflict(
                        "another request wrote one of these observations at the same moment; send it again");
            }
            throw e;
        }
    }

    private static void update(Connection connection, List<ObservationView> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                """
                UPDATE observation SET value = ?, numerator = ?, denominator = ?, weight = ?, outlier = ?,
                                       version = ?, recorded_at = ?, recorded_by = ?
                WHERE indicator_code = ? AND period = ? AND area = ? AND region_code = ?""")) {
            for (ObservationView row : rows) {
                update.setBigDecimal(1, row.value());
                decimal(update, 2, row.numerator());
                decimal(update, 3, row.denominator());
                decimal(update, 4, row.weight());
                update.setString(5, row.outlier());
                update.setLong(6, row.version());
                update.setTimestamp(7, Timestamp.from(row.recordedAt().toInstant()));
                update.setString(8, row.recordedBy());
                update.setString(9, row.indicator());
                update.setString(10, row.period());
                update.setString(11, row.area().name());
                update.setString(12, row.region());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void decimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NUMERIC);
        } else {
            statement.setBigDecimal(index, value);
        }
    }
}
