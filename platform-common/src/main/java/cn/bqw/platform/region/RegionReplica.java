package cn.bqw.platform.region;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.events.EventConsumer;
import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.IncomingEvent;
import cn.bqw.platform.events.PoisonEventException;
import cn.bqw.platform.events.Topics;
import cn.bqw.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.Session;

/**
 * A consuming service's replica of the regions village-service publishes on {@code
 * bqw.divisions.v1}: divisions and villages alike, newest version wins, stale events are ignored.
 * Each consuming service calls {@link #applyAll} from its own {@code @Incoming} method on a batch
 * channel (a shared one would attach every service, village-service included, to the topic) and
 * adds the {@code db/regions} migrations to its Flyway locations.
 */
@ApplicationScoped
public class RegionReplica {

    /** What an event did to the replica: the record before (null when new) and after (null when deleted). */
    public record Applied(RegionRecord before, RegionRecord after) {}

    @Inject
    EntityManager entityManager;

    @Inject
    EventConsumer events;

    /**
     * A consuming service's poll of {@code bqw.divisions.v1} applied in one transaction, its failures
     * dead-lettered on the topic's dead-letter topic: the body of each service's own {@code @Incoming}.
     */
    public CompletionStage<Void> consume(Message<List<String>> batch, String consumer) {
        return events.consumeBatch(batch, consumer, Topics.DIVISIONS.deadLetterName(), this::applyAll);
    }

    /**
     * Applies a poll of division and village events in the caller's transaction, set-wise: each
     * region's newest event of the poll against one read of what the replica holds, then one
     * statement batch of upserts and one delete. What changed, one entry per region.
     *
     * @throws PoisonEventException when an event lacks what every region needs (the caller then
     *     applies the poll one event at a time, and dead-letters that one)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Applied> applyAll(List<IncomingEvent> events) {
        Map<String, Change> newest = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            RegionRecord incoming;
            if (EventNames.DIVISION.contains(event.type())) {
                incoming = division(event.data());
            } else if (EventNames.VILLAGE.contains(event.type())) {
                incoming = village(event.data());
            } else {
                continue;
            }
            newest.merge(
                    incoming.code(),
                    new Change(incoming, event.type().equals(EventNames.DIVISION_DELETED)),
                    (held, next) -> next.supersedes(held) ? next : held);
        }
        Map<String, RegionRecord> held = find(newest.keySet());
        List<Applied> applied = new ArrayList<>();
        List<RegionRecord> saved = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (Change change : newest.values()) {
            RegionRecord before = held.get(change.region().code());
            if (change.deletion()) {
                // A deletion carries the deleted state, so its version equals the one held.
                if (before != null && before.version() <= change.region().version()) {
                    deleted.add(before.code());
                    applied.add(new Applied(before, null));
                }
            } else if (before == null || before.version() < change.region().version()) {
                saved.add(change.region());
                applied.add(new Applied(before, change.region()));
            }
        }
        if (!deleted.isEmpty()) {
            entityManager
                    .createNativeQuery("DELETE FROM region_replica WHERE code = ANY(CAST(?1 AS varchar[]))")
                    .setParameter(1, deleted.toArray(String[]::new))
                    .executeUpdate();
        }
        if (!saved.isEmpty()) {
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                    for (RegionRecord region : saved) {
                        bind(upsert, region, connection);
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
            });
        }
        return applied;
    }

    /** A region's newest event of a poll: its state, and whether it deletes the region. */
    private record Change(RegionRecord region, boolean deletion) {

        /** Newer than {@code other}: a higher version, or a deletion of the same version. */
        boolean supersedes(Change other) {
            long mine = region.version();
            long theirs = other.region.version();
            return mine > theirs || (mine == theirs && deletion && !other.deletion);
        }
    }

    /**
     * The active region {@code code} names, for a request's {@code field}: a region the replica
     * does not hold, or holds retired, is the client's mistake (400).
     */
    public RegionRecord active(String code, String field) {
        RegionRecord region = code == null ? null : find(List.of(code)).get(code);
        if (region == null || !region.active()) {
            throw ProblemException.invalid(field, code + " is not an active division");
        }
        return region;
    }

    /** The replica's records of {@code codes}; codes it does not hold are absent. */
    public Map<String, RegionRecord> find(Collection<String> codes) {
        Map<String, RegionRecord> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        for (RegionRecord region : select("code = ANY(?)", (Object) codes.toArray(String[]::new))) {
            found.put(region.code(), region);
        }
        return found;
    }

    /** The active regions directly below {@code code}, by code. */
    public List<RegionRecord> children(String code) {
        return select("parent_code = ? AND active ORDER BY code", code);
    }

    /** The active villages within a subtree, by code. */
    public List<RegionRecord> villagesWithin(DivisionCode.Subtree subtree) {
        return select(
                "level = 'VILLAGE' AND active AND code >= ? AND code < ? ORDER BY code",
                subtree.first(),
                subtree.end());
    }

    /**
     * The records matching {@code where} ({@code ?} for each of {@code parameters}; a {@code
     * String[]} is sent as an array). Plain JDBC: every single post looks its region up, and
     * Hibernate's native query cost several times the statement itself.
     */
    private List<RegionRecord> select(String where, Object... parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    """
                    SELECT code, level, parent_code, name_zh, county_class, urban_district, population, active,
                           category, plan_type, pilots, latitude, longitude, source_version
                    FROM region_replica WHERE\s"""
                            + where)) {
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i] instanceof String[] values) {
                        select.setArray(i + 1, connection.createArrayOf("varchar", values));
                    } else {
                        select.setObject(i + 1, parameters[i]);
                    }
                }
                List<RegionRecord> regions = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        regions.add(read(rows));
                    }
                }
                return regions;
            }
        });
    }

    private static RegionRecord read(ResultSet row) throws SQLException {
        long population = row.getLong(7);
        Long populationOrNull = row.wasNull() ? null : population;
        java.sql.Array pilots = row.getArray(11);
        return new RegionRecord(
                row.getString(1),
                DivisionLevel.valueOf(row.getString(2)),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getBoolean(6),
                populationOrNull,
                row.getBoolean(8),
                row.getString(9),
                row.getString(10),
                pilots == null ? List.of() : List.of((String[]) pilots.getArray()),
                row.getBigDecimal(12),
                row.getBigDecimal(13),
                row.getLong(14));
    }

    private static final String UPSERT =
            """
            INSERT INTO region_replica (code, level, parent_code, name_zh, county_class, urban_district,
                                        population, active, category, plan_type, pilots, latitude, longitude,
                                        source_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
                name_zh = EXCLUDED.name_zh, county_class = EXCLUDED.county_class,
                urban_district = EXCLUDED.urban_district, population = EXCLUDED.population,
                active = EXCLUDED.active, category = EXCLUDED.category, plan_type = EXCLUDED.plan_type,
                pilots = EXCLUDED.pilots, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
                source_version = EXCLUDED.source_version""";

    private static void bind(PreparedStatement upsert, RegionRecord region, Connection connection) throws SQLException {
        upsert.setString(1, region.code());
        upsert.setString(2, region.level().name());
        upsert.setString(3, region.parentCode());
        upsert.setString(4, region.nameZh());
        upsert.setString(5, region.countyClass());
        upsert.setBoolean(6, region.urbanDistrict());
        upsert.setObject(7, region.population(), Types.BIGINT);
        upsert.setBoolean(8, region.active());
        upsert.setString(9, region.category());
        upsert.setString(10, region.planType());
        upsert.setArray(11, connection.createArrayOf("varchar", region.pilots().toArray()));
        upsert.setBigDecimal(12, region.latitude());
        upsert.setBigDecimal(13, region.longitude());
        upsert.setLong(14, region.version());
    }

    private static RegionRecord division(JsonNode data) {
        String code = text(data, "code");
        String level = text(data, "level");
        if (code == null || level == null || text(data, "nameZh") == null) {
            throw new PoisonEventException("division event without code, level or name");
        }
        return new RegionRecord(
                code,
                level(level),
                text(data, "parentCode"),
                text(data, "nameZh"),
                text(data, "countyClass"),
                data.path("urbanDistrict").asBoolean(false),
                number(data, "population"),
                true,
                null,
                null,
                List.of(),
                null,
                null,
                data.path("version").asLong());
    }

    private static RegionRecord village(JsonNode data) {
        String code = text(data, "code");
        if (code == null || text(data, "townshipCode") == null || text(data, "nameZh") == null) {
            throw new PoisonEventException("village event without code, township or name");
        }
        return new RegionRecord(
                code,
                DivisionLevel.VILLAGE,
                text(data, "townshipCode"),
                text(data, "nameZh"),
                null,
                false,
                number(data, "residentPopulation"),
                "ACTIVE".equals(text(data, "status")),
                text(data, "category"),
                text(data, "planType"),
                texts(data.path("pilots")),
                coordinate(data, "latitude", 90),
                coordinate(data, "longitude", 180),
                data.path("version").asLong());
    }

    private static DivisionLevel level(String level) {
        try {
            return DivisionLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("division event with unknown level " + level);
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** A coordinate within ±{@code bound} degrees, else none: a map point is worth less than the event. */
    private static BigDecimal coordinate(JsonNode data, String field, int bound) {
        JsonNode value = data.get(field);
        if (value == null || !value.isNumber()) {
            return null;
        }
        BigDecimal degrees = value.decimalValue();
        return degrees.abs().compareTo(BigDecimal.valueOf(bound)) > 0
                ? null
                : degrees.setScale(6, RoundingMode.HALF_EVEN);
    }

    private static Long number(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }
}
