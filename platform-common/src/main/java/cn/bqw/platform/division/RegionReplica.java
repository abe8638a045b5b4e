package cn.bqw.platform.division;

import cn.bqw.platform.events.IncomingEvent;
import cn.bqw.platform.events.PoisonEventException;
import cn.bqw.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A consuming service's replica of the regions village-service publishes on {@code
 * bqw.divisions.v1}: divisions and villages alike, newest version wins, stale events are ignored.
 * Each consuming service calls {@link #apply} from its own {@code @Incoming} method (a shared one
 * would attach every service, village-service included, to the topic) and adds the {@code
 * db/regions} migrations to its Flyway locations.
 */
@ApplicationScoped
public class RegionReplica {

    /** What an event did to the replica: the record before (null when new) and after (null when deleted). */
    public record Applied(RegionRecord before, RegionRecord after) {}

    static final String DIVISION_EVENTS = "bqw.division.";
    static final String DIVISION_DELETED = "bqw.division.deleted.v1";
    static final String VILLAGE_EVENTS = "bqw.village.";

    @Inject
    EntityManager entityManager;

    /**
     * Applies a division or village event in the caller's transaction; empty when the event is
     * stale, repeated or of another kind.
     *
     * @throws PoisonEventException when the event lacks what every region needs
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Applied> apply(IncomingEvent event) {
        RegionRecord incoming;
        if (event.type().startsWith(DIVISION_EVENTS)) {
            incoming = division(event.data());
        } else if (event.type().startsWith(VILLAGE_EVENTS)) {
            incoming = village(event.data());
        } else {
            return Optional.empty();
        }
        RegionRecord before = find(List.of(incoming.code())).get(incoming.code());
        if (event.type().equals(DIVISION_DELETED)) {
            // A deletion carries the deleted state, so its version equals the one held.
            if (before == null || before.version() > incoming.version()) {
                return Optional.empty();
            }
            entityManager
                    .createNativeQuery("DELETE FROM region_replica WHERE code = ?1")
                    .setParameter(1, incoming.code())
                    .executeUpdate();
            return Optional.of(new Applied(before, null));
        }
        if (before != null && before.version() >= incoming.version()) {
            return Optional.empty();
        }
        save(incoming);
        return Optional.of(new Applied(before, incoming));
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
        for (RegionRecord region : select("code = ANY(CAST(?1 AS varchar[]))", codes.toArray(String[]::new))) {
            found.put(region.code(), region);
        }
        return found;
    }

    /** The active regions directly below {@code code}, by code. */
    public List<RegionRecord> children(String code) {
        return select("parent_code = ?1 AND active ORDER BY code", code);
    }

    @SuppressWarnings("unchecked")
    private List<RegionRecord> select(String where, Object parameter) {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT code, level, parent_code, name_zh, county_class, urban_district, population, active,
                               category, plan_type, pilots, source_version
                        FROM region_replica"""
                                + " WHERE " + where)
                .setParameter(1, parameter)
                .getResultList();
        List<RegionRecord> regions = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            RegionRecord region = new RegionRecord(
                    (String) row[0],
                    DivisionLevel.valueOf((String) row[1]),
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    (Boolean) row[5],
                    row[6] == null ? null : ((Number) row[6]).longValue(),
                    (Boolean) row[7],
                    (String) row[8],
                    (String) row[9],
                    row[10] == null ? List.of() : List.of((String[]) row[10]),
                    ((Number) row[11]).longValue());
            regions.add(region);
        }
        return regions;
    }

    private void save(RegionRecord region) {
        entityManager
                .createNativeQuery(
                        """
                        INSERT INTO region_replica (code, level, parent_code, name_zh, county_class, urban_district,
                                                    population, active, category, plan_type, pilots, source_version)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, CAST(?11 AS varchar[]), ?12)
                        ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
                            name_zh = EXCLUDED.name_zh, county_class = EXCLUDED.county_class,
                            urban_district = EXCLUDED.urban_district, population = EXCLUDED.population,
                            active = EXCLUDED.active, category = EXCLUDED.category, plan_type = EXCLUDED.plan_type,
                            pilots = EXCLUDED.pilots, source_version = EXCLUDED.source_version""")
                .setParameter(1, region.code())
                .setParameter(2, region.level().name())
                .setParameter(3, region.parentCode())
                .setParameter(4, region.nameZh())
                .setParameter(5, region.countyClass())
                .setParameter(6, region.urbanDistrict())
                .setParameter(7, region.population())
                .setParameter(8, region.active())
                .setParameter(9, region.category())
                .setParameter(10, region.planType())
                .setParameter(11, region.pilots().toArray(String[]::new))
                .setParameter(12, region.version())
                .executeUpdate();
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

    private static Long number(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }
}
