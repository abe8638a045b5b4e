package cn.bqw.indicator.observation;

import cn.bqw.indicator.catalogue.Aggregation;
import cn.bqw.indicator.catalogue.OutlierPolicy;
import cn.bqw.indicator.locking.Locks;
import cn.bqw.indicator.region.RegionRules;
import cn.bqw.platform.api.Numbers;
import cn.bqw.platform.api.WriteEffect;
import cn.bqw.platform.audit.AuditTrail;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.RegionRecord;
import cn.bqw.platform.division.RegionReplica;
import cn.bqw.platform.events.DomainEvent;
import cn.bqw.platform.events.Outbox;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.security.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Writes checked values in the caller's transaction, a batch at a time: each value's region, lock
 * and outlier checks, then the upserts, audit entries and outbox events of the whole batch in JDBC
 * batches. The batch's current rows are read {@code FOR UPDATE}, so concurrent writers of the same
 * key queue up and each sees the value it replaces.
 */
@ApplicationScoped
public class ObservationWriter {

    /** What became of one value: its effect and what was recorded, or why it was refused. */
    public record Outcome(WriteEffect effect, ObservationRecorded recorded, ProblemException refusal) {

        static Outcome refused(ProblemException refusal) {
            return new Outcome(null, null, refusal);
        }
    }

    static final String AUDIT_TYPE = "observation";

    @Inject
    EntityManager entityManager;

    @Inject
    RegionReplica replica;

    @Inject
    RegionRules regionRules;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    CurrentActor actor;

    /** Outcomes in the order of {@code candidates}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Outcome> write(List<Candidate> candidates, Locks locks) {
        Map<String, RegionRecord> regions =
                replica.find(candidates.stream().map(Candidate::region).collect(Collectors.toSet()));
        Session session = entityManager.unwrap(Session.class);
        session.flush();
        return session.doReturningWork(connection -> write(connection, candidates, regions, locks));
    }

    private List<Outcome> write(
            Connection connection, List<Candidate> candidates, Map<String, RegionRecord> regions, Locks locks)
            throws SQLException {
        Outcome[] outcomes = new Outcome[candidates.size()];
        List<Candidate> admitted = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            try {
                regionRules.requireWritable(
                        candidate.region(),
                        regions.get(candidate.region()),
                        candidate.indicator().reportedAt());
                locks.requireOpen(candidate.indicator().code(), candidate.region(), candidate.period());
                admitted.add(candidate);
                positions.add(i);
            } catch (ProblemException e) {
                outcomes[i] = Outcome.refused(e);
            }
        }
        Map<String, ObservationView> current = current(connection, admitted);
        References references = references(connection, admitted);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String by = actor.name();
        List<ObservationView> inserts = new ArrayList<>();
        List<ObservationView> updates = new ArrayList<>();
        List<AuditTrail.Change> audited = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();
        for (int a = 0; a < admitted.size(); a++) {
            Candidate candidate = admitted.get(a);
            int position = positions.get(a);
            ObservationView before = current.get(candidate.key());
            if (before != null && sameValue(before, candidate)) {
                outcomes[position] = new Outcome(WriteEffect.UNCHANGED, ObservationRecorded.of(before, before), null);
                continue;
            }
            Optional<String> outlier = references.judge(candidate);
            if (outlier.isPresent() && candidate.indicator().outliers() == OutlierPolicy.REJECT) {
                outcomes[position] = Outcome.refused(ProblemException.invalid(
                        "value",
                        "is an outlier and " + candidate.indicator().code() + " rejects outliers (" + outlier.get()
                                + ")"));
                continue;
            }
            ObservationView after = new ObservationView(
                    candidate.indicator().code(),
                    candidate.region(),
                    candidate.period().toString(),
                    candidate.area(),
                    candidate.value(),
                    candidate.numerator(),
                    candidate.denominator(),
                    candidate.weight(),
                    outlier.orElse(null),
                    before == null ? 1 : before.version() + 1,
                    now,
                    by);
            current.put(candidate.key(), after);
            references.add(candidate);
            (before == null ? inserts : updates).add(after);
            ObservationRecorded recorded = ObservationRecorded.of(after, before);
            audited.add(new AuditTrail.Change(
                    AUDIT_TYPE, after.key(), before == null ? "REGISTERED" : "UPDATED", before, after));
            events.add(ObservationEvents.RECORDED.of(after.seriesKey(), recorded));
            outcomes[position] =
                    new Outcome(before == null ? WriteEffect.CREATED : WriteEffect.UPDATED, recorded, null);
        }
        insert(connection, inserts);
        update(connection, updates);
        audit.recordAll(audited);
        outbox.recordAll(events);
        return List.of(outcomes);
    }

    private static boolean sameValue(ObservationView current, Candidate candidate) {
        return current.value().compareTo(candidate.value()) == 0
                && same(current.numerator(), candidate.numerator())
                && same(current.denominator(), candidate.denominator())
                && same(current.weight(), candidate.weight());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** The batch's keys as they stand, locked until the transaction ends; sorted so writers never deadlock. */
    private static Map<String, ObservationView> current(Connection connection, List<Candidate> candidates)
            throws SQLException {
        Map<String, ObservationView> found = new HashMap<>();
        if (candidates.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = connection.prepareStatement(
                """
                SELECT o.indicator_code, o.region_code, o.period, o.area, o.value, o.numerator, o.denominator,
                       o.weight, o.outlier, o.version, o.recorded_at, o.recorded_by
                FROM observation o
                JOIN unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) AS k(i, p, a, r)
                  ON o.indicator_code = k.i AND o.period = k.p AND o.area = k.a AND o.region_code = k.r
                ORDER BY o.indicator_code, o.period, o.area, o.region_code
                FOR UPDATE OF o""")) {
            select.setArray(1, array(connection, candidates, c -> c.indicator().code()));
            select.setArray(2, array(connection, candidates, c -> c.period().toString()));
            select.setArray(3, array(connection, candidates, c -> c.area().name()));
            select.setArray(4, array(connection, candidates, Candidate::region));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ObservationView view = new ObservationView(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            Area.valueOf(rows.getString(4)),
                            Numbers.canonical(rows.getBigDecimal(5)),
                            Numbers.canonical(rows.getBigDecimal(6)),
                            Numbers.canonical(rows.getBigDecimal(7)),
                            Numbers.canonical(rows.getBigDecimal(8)),
                            rows.getString(9),
                            rows.getLong(10),
                            rows.getObject(11, OffsetDateTime.class),
                            rows.getString(12));
                    found.put(view.key(), view);
                }
            }
        }
        return found;
    }

    /**
     * What the batch's values are judged against: each series' other periods, and the same period
     * in the regions under the same parent, as stored and as the batch goes on.
     */
    private static References references(Connection connection, List<Candidate> candidates) throws SQLException {
        References references = new References();
        List<Candidate> judged = candidates.stream()
                .filter(c -> c.indicator().aggregation() != Aggregation.COUNT_TRUE
                        && c.indicator().aggregation() != Aggregation.SHARE_TRUE)
                .toList();
        if (judged.isEmpty()) {
            return references;
        }
        Map<String, Candidate> series = new LinkedHashMap<>();
        Map<String, Candidate> peerGroups = new LinkedHashMap<>();
        for (Candidate c : judged) {
            series.putIfAbsent(c.seriesKey(), c);
            peerGroups.putIfAbsent(
                    References.peerKey(c.indicator().code(), c.period().toString(), c.area(), parentPrefix(c.region())),
                    c);
        }
        List<Candidate> bySeries = List.copyOf(series.values());
        try (PreparedStatement select = connection.prepareStatement(
                """
                SELECT o.indicator_code, o.region_code, o.period, o.area, o.value
                FROM observation o
                JOIN unnest(?::varchar[], ?::varchar[], ?::varchar[]) AS k(i, r, a)
                  ON o.indicator_code = k.i AND o.region_code = k.r AND o.area = k.a""")) {
            select.setArray(1, array(connection, bySeries, c -> c.indicator().code()));
            select.setArray(2, array(connection, bySeries, Candidate::region));
            select.setArray(3, array(connection, bySeries, c -> c.area().name()));
            references.read(select);
        }
        List<Candidate> byPeers = List.copyOf(peerGroups.values());
        try (PreparedStatement select = connection.prepareStatement(
                """
                SELECT o.indicator_code, o.region_code, o.period, o.area, o.value
                FROM observation o
                JOIN unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) AS k(i, p, a, lo, hi)
                  ON o.indicator_code = k.i AND o.period = k.p AND o.area = k.a
                 AND o.region_code BETWEEN k.lo AND k.hi""")) {
            select.setArray(1, array(connection, byPeers, c -> c.indicator().code()));
            select.setArray(2, array(connection, byPeers, c -> c.period().toString()));
            select.setArray(3, array(connection, byPeers, c -> c.area().name()));
            select.setArray(4, array(connection, byPeers, c -> padded(parentPrefix(c.region()), '0')));
            select.setArray(5, array(connection, byPeers, c -> padded(parentPrefix(c.region()), '9')));
            references.read(select);
        }
        return references;
    }

    /** The significant digits of the region's parent, which every sibling's code starts with. */
    static String parentPrefix(String region) {
        return DivisionCode.parse(region)
                .flatMap(DivisionCode::parent)
                .map(DivisionCode::prefix)
                .orElse(region);
    }

    private static String padded(String prefix, char digit) {
        return prefix + String.valueOf(digit).repeat(Math.max(0, 12 - prefix.length()));
    }

    private static void insert(Connection connection, List<ObservationView> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                """
                INSERT INTO observation (value, numerator, denominator, weight, outlier, version, recorded_at,
                                         recorded_by, indicator_code, period, area, region_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (ObservationView row : rows) {
                bind(insert, row);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())
                    || (e.getNextException() != null
                            && "23505".equals(e.getNextException().getSQLState()))) {
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
                bind(update, row);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, ObservationView row) throws SQLException {
        statement.setBigDecimal(1, row.value());
        decimal(statement, 2, row.numerator());
        decimal(statement, 3, row.denominator());
        decimal(statement, 4, row.weight());
        statement.setString(5, row.outlier());
        statement.setLong(6, row.version());
        statement.setTimestamp(7, Timestamp.from(row.recordedAt().toInstant()));
        statement.setString(8, row.recordedBy());
        statement.setString(9, row.indicator());
        statement.setString(10, row.period());
        statement.setString(11, row.area().name());
        statement.setString(12, row.region());
    }

    private static void decimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NUMERIC);
        } else {
            statement.setBigDecimal(index, value);
        }
    }

    private static java.sql.Array array(
            Connection connection, List<Candidate> candidates, java.util.function.Function<Candidate, String> field)
            throws SQLException {
        return connection.createArrayOf(
                "varchar", candidates.stream().map(field).toArray(String[]::new));
    }

    /** Stored and batch values by series and by peer group, for outlier judgments. */
    static final class References {

        private final Map<String, Map<String, BigDecimal>> bySeries = new HashMap<>();
        private final Map<String, Map<String, BigDecimal>> byPeers = new HashMap<>();

        static String peerKey(String indicator, String period, Area area, String parentPrefix) {
            return indicator + "|" + period + "|" + area + "|" + parentPrefix;
        }

        void read(PreparedStatement select) throws SQLException {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    put(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            Area.valueOf(rows.getString(4)),
                            rows.getBigDecimal(5));
                }
            }
        }

        void add(Candidate c) {
            put(c.indicator().code(), c.region(), c.period().toString(), c.area(), c.value());
        }

        private void put(String indicator, String region, String period, Area area, BigDecimal value) {
            bySeries.computeIfAbsent(indicator + "|" + region + "|" + area, k -> new HashMap<>())
                    .put(period, value);
            byPeers.computeIfAbsent(peerKey(indicator, period, area, parentPrefix(region)), k -> new HashMap<>())
                    .put(region, value);
        }

        Optional<String> judge(Candidate c) {
            if (c.indicator().aggregation() == Aggregation.COUNT_TRUE
                    || c.indicator().aggregation() == Aggregation.SHARE_TRUE) {
                return Optional.empty();
            }
            List<BigDecimal> history =
                    others(bySeries.get(c.seriesKey()), c.period().toString());
            List<BigDecimal> peers = others(
                    byPeers.get(
                            peerKey(c.indicator().code(), c.period().toString(), c.area(), parentPrefix(c.region()))),
                    c.region());
            return Outliers.judge(c.value(), history, "far from its own history")
                    .or(() -> Outliers.judge(c.value(), peers, "far from its peers"));
        }

        private static List<BigDecimal> others(Map<String, BigDecimal> values, String except) {
            if (values == null) {
                return List.of();
            }
            return values.entrySet().stream()
                    .filter(e -> !Objects.equals(e.getKey(), except))
                    .map(Map.Entry::getValue)
                    .toList();
        }
    }
}
