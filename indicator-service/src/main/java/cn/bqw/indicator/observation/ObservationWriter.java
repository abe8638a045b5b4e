package cn.bqw.indicator.observation;

import cn.bqw.indicator.catalogue.OutlierPolicy;
import cn.bqw.indicator.locking.Locks;
import cn.bqw.indicator.region.RegionRules;
import cn.bqw.platform.api.WriteEffect;
import cn.bqw.platform.events.DomainEvent;
import cn.bqw.platform.events.Outbox;
import cn.bqw.platform.jdbc.BatchSender;
import cn.bqw.platform.jdbc.CopyIn;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.region.RegionRecord;
import cn.bqw.platform.region.RegionReplica;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Writes checked values in the caller's transaction, a batch at a time: each value's region, lock
 * and outlier checks ({@link StoredValues}: the stored values replaced are locked first), then the
 * batch's new rows by COPY, its revisions (the replaced state moves to {@code observation_revision})
 * and its outbox events.
 * An import's batches are sent in the background ({@link BatchSender}) while the next is prepared.
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

    /**
     * What one transaction's writes are checked against, kept from batch to batch of an import: the
     * locks in force, the regions looked up so far (a snapshot, like the catalogue the rows were
     * checked by), and the stored values read and written so far; and what sends its writes.
     */
    static final class Basis {

        final Locks locks;
        final StoredValues stored = new StoredValues();
        private final Map<String, RegionRecord> regions = new HashMap<>();
        private final BatchSender sender;

        private Basis(Locks locks, BatchSender sender) {
            this.locks = locks;
            this.sender = sender;
        }

        /** An import's: each batch's writes are sent while the next batch is checked. */
        static Basis forImport(Locks locks, ExecutorService senders) {
            return new Basis(locks, BatchSender.inBackground(senders));
        }

        static Basis forSingleWrite(Locks locks) {
            return new Basis(locks, BatchSender.inline());
        }

        /** Waits until every write is sent; throws what failed. */
        void settle() {
            try {
                sender.awaitSent();
            } catch (SQLException e) {
                throw new IllegalStateException("writing observations failed", e);
            }
        }
    }

    /** Outcomes in the order of {@code candidates}. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Outcome> write(List<Candidate> candidates, Basis basis) {
        Map<String, RegionRecord> regions = basis.regions;
        Set<String> unknown = candidates.stream()
                .map(c -> c.region)
                .filter(code -> !regions.containsKey(code))
                .collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            // The previous batch is in before the connection serves anything else.
            basis.settle();
            regions.putAll(replica.find(unknown));
        }
        Locks locks = basis.locks;
        StoredValues stored = basis.stored;
        Outcome[] outcomes = new Outcome[candidates.size()];
        List<Candidate> admitted = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            try {
                regionRules.requireWritable(
                        candidate.region, regions.get(candidate.region), candidate.indicator.reportedAt());
                locks.requireOpen(
                        candidate.indicator.code(), candidate.indicator.campaign(), candidate.region, candidate.period);
                admitted.add(candidate);
                positions.add(i);
            } catch (ProblemException e) {
                outcomes[i] = Outcome.refused(e);
            }
        }
        Session session = entityManager.unwrap(Session.class);
        session.flush();
        session.doWork(connection -> {
            if (stored.mustRead(admitted)) {
                basis.sender.awaitSent();
                stored.read(connection, admitted);
            }
            List<Candidate> unlocked = stored.unlocked(admitted);
            if (!unlocked.isEmpty()) {
                basis.sender.awaitSent();
                stored.lock(connection, unlocked);
            }
            // Prepared while the previous batch is still being sent, when nothing had to be read.
            basis.sender.send(connection, prepare(admitted, positions, stored, outcomes)::send);
        });
        return List.of(outcomes);
    }

    /** A batch's writes, ready to send: new rows, replaced states, changed rows and their events. */
    private record Writes(
            CopyIn inserts,
            CopyIn revisions,
            List<ObservationView> updates,
            OffsetDateTime recordedAt,
            String recordedBy,
            Outbox.Rows events) {

        void send(Connection connection) throws SQLException {
            insert(connection, inserts);
            revisions.copy(connection);
            update(connection, updates, recordedAt, recordedBy);
            Outbox.send(connection, events);
        }
    }

    private Writes prepare(List<Candidate> admitted, List<Integer> positions, StoredValues stored, Outcome[] outcomes) {
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
            stored.put(after);
            if (before == null) {
                inserts.row(ObservationRows.values(after));
            } else {
                revisions.row(ObservationRows.values(before));
                updates.add(after);
            }
            ObservationRecorded recorded = ObservationRecorded.of(after, before);
            events.add(ObservationEvents.RECORDED.of(candidate.seriesKey.eventKey(), recorded));
            outcomes[position] =
                    new Outcome(before == null ? WriteEffect.CREATED : WriteEffect.UPDATED, recorded, null);
        }
        return new Writes(inserts, revisions, updates, now, by, outbox.rowsOf(events));
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

    /**
     * The batch's changed values in one statement (arrays unnested into rows): a JDBC batch of single
     * UPDATEs took three times as long. The written values share their time and author.
     */
    private static void update(
            Connection connection, List<ObservationView> rows, OffsetDateTime recordedAt, String recordedBy)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                """
                UPDATE observation o
                SET value = n.value, numerator = n.numerator, denominator = n.denominator, weight = n.weight,
                    outlier = n.outlier, version = n.version, recorded_at = ?, recorded_by = ?
                FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::numeric[], ?::numeric[],
                            ?::numeric[], ?::numeric[], ?::varchar[], ?::bigint[])
                     AS n(indicator_code, period, area, region_code, value, numerator, denominator, weight,
                          outlier, version)
                WHERE o.indicator_code = n.indicator_code AND o.period = n.period AND o.area = n.area
                  AND o.region_code = n.region_code""")) {
            update.setTimestamp(1, Timestamp.from(recordedAt.toInstant()));
            update.setString(2, recordedBy);
            update.setArray(3, array(connection, "varchar", rows, ObservationView::indicator));
            update.setArray(4, array(connection, "varchar", rows, ObservationView::period));
            update.setArray(
                    5, array(connection, "varchar", rows, row -> row.area().name()));
            update.setArray(6, array(connection, "varchar", rows, ObservationView::region));
            update.setArray(7, array(connection, "numeric", rows, ObservationView::value));
            update.setArray(8, array(connection, "numeric", rows, ObservationView::numerator));
            update.setArray(9, array(connection, "numeric", rows, ObservationView::denominator));
            update.setArray(10, array(connection, "numeric", rows, ObservationView::weight));
            update.setArray(11, array(connection, "varchar", rows, ObservationView::outlier));
            update.setArray(12, array(connection, "bigint", rows, ObservationView::version));
            int updated = update.executeUpdate();
            if (updated != rows.size()) {
                throw new IllegalStateException("updated " + updated + " of " + rows.size() + " locked observations");
            }
        }
    }

    private static java.sql.Array array(
            Connection connection, String type, List<ObservationView> rows, Function<ObservationView, Object> field)
            throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(field).toArray());
    }
}
