package cn.bqw.report.aggregate;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.period.Period;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The approval units whose values count in the official view: a township's (or the city's)
 * approved figures, a county's accepted ones (DESIGN.md §5). A value is official when such a unit
 * covers it: the same campaign, the unit's region at or above the value's, its period within the
 * unit's — the same rule the indicator service locks by.
 */
public final class ApprovedUnits {

    /** One unit that makes what it covers official. */
    record Unit(DivisionCode region, Period period, String campaign) {

        boolean covers(String valueCampaign, DivisionCode valueRegion, Period valuePeriod) {
            return campaign.equals(valueCampaign) && region.contains(valueRegion) && period.contains(valuePeriod);
        }
    }

    /** Where units are looked up: a campaign's units of one division. */
    private record Place(String campaign, String region) {}

    private final List<Unit> units;
    /**
     * The units by place, so that a value is checked against the units of its own division and
     * its ancestors only (a city's units number in the tens of thousands, its values too).
     */
    private final Map<Place, List<Unit>> byPlace = new HashMap<>();

    ApprovedUnits(List<Unit> units) {
        this.units = units;
        for (Unit unit : units) {
            byPlace.computeIfAbsent(new Place(unit.campaign(), unit.region().value()), p -> new ArrayList<>())
                    .add(unit);
        }
    }

    /** Whether a unit of this region in this state makes its values official. */
    public static boolean counts(String region, String state) {
        Optional<DivisionCode> code = DivisionCode.parse(region);
        if (code.isEmpty()) {
            return false;
        }
        return "ACCEPTED".equals(state)
                || ("APPROVED".equals(state) && code.get().level() != DivisionLevel.COUNTY);
    }

    /**
     * The counting units of {@code regions} (every region when null) and of {@code subtree}'s
     * divisions (none when null).
     */
    @SuppressWarnings("unchecked")
    public static ApprovedUnits load(EntityManager entityManager, Collection<String> regions, String subtree) {
        String columns = "SELECT region_code, period, campaign, state FROM approval_unit"
                + " WHERE state IN ('APPROVED', 'ACCEPTED')";
        List<Object[]> rows;
        if (regions == null) {
            rows = entityManager.createNativeQuery(columns).getResultList();
        } else {
            // Two index range reads, not one OR: a prepared OR is planned as a scan of every unit.
            rows = new ArrayList<>(entityManager
                    .createNativeQuery(columns + " AND region_code = ANY(CAST(?1 AS varchar[]))")
                    .setParameter(1, regions.toArray(String[]::new))
                    .getResultList());
            if (subtree != null) {
                DivisionCode.Subtree below = AggregateStore.subtree(subtree);
                rows.addAll(entityManager
                        .createNativeQuery(columns + " AND region_code >= ?1 AND region_code < ?2")
                        .setParameter(1, below.first())
                        .setParameter(2, below.end())
                        .getResultList());
            }
        }
        List<Unit> units = new ArrayList<>();
        for (Object[] row : rows) {
            if (counts((String) row[0], (String) row[3])) {
                units.add(new Unit(
                        DivisionCode.parse((String) row[0]).orElseThrow(),
                        Period.parse((String) row[1]).orElseThrow(),
                        (String) row[2]));
            }
        }
        return new ApprovedUnits(units);
    }

    /** These units as they were with one unit in another state. */
    ApprovedUnits with(String region, String period, String campaign, String state) {
        Unit changed = new Unit(
                DivisionCode.parse(region).orElseThrow(), Period.parse(period).orElseThrow(), campaign);
        List<Unit> others =
                new ArrayList<>(units.stream().filter(u -> !u.equals(changed)).toList());
        if (counts(region, state)) {
            others.add(changed);
        }
        return new ApprovedUnits(others);
    }

    /** Whether a value of {@code campaign} (null: an indicator not known yet) is official. */
    public boolean covers(String campaign, String region, String period) {
        if (campaign == null || units.isEmpty()) {
            return false;
        }
        Optional<DivisionCode> code = DivisionCode.parse(region);
        Optional<Period> parsed = Period.parse(period);
        if (code.isEmpty() || parsed.isEmpty()) {
            return false;
        }
        // The value's division and each one above it: exactly the divisions that contain it.
        for (String at : DivisionCode.lineage(region)) {
            for (Unit unit : byPlace.getOrDefault(new Place(campaign, at), List.of())) {
                if (unit.covers(campaign, code.get(), parsed.get())) {
                    return true;
                }
            }
        }
        return false;
    }
}
