package cn.bqw.report.aggregate;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.report.catalogue.IndicatorDef;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every aggregate made again from the facts and handed over part by part as each part is complete.
 * The facts are read in series order; the rows of a township and its villages, which no value
 * outside the township touches, are complete when the read leaves the township, and the rows of the
 * divisions above, when it leaves the indicator. So memory holds one township's rows and one
 * indicator's upper rows, whatever the number of facts: how a rebuild makes the aggregates and the
 * drift check what they should be, at a province's scale.
 */
public final class TownshipWalk {

    /** Where the complete rows go, in the order of the facts' indicator and region codes. */
    public interface Rows {

        /** One indicator's rows of one township and its villages ({@link #townshipOf} of each). */
        void township(String indicator, String township, Map<AggregateKey, Contribution> rows) throws SQLException;

        /** One indicator's rows of the divisions above the townships, after all its townships. */
        void above(String indicator, Map<AggregateKey, Contribution> rows) throws SQLException;
    }

    private TownshipWalk() {}

    /**
     * Reads every fact on {@code connection}, the entity manager's own (in a transaction, for the
     * cursor), with the indicators' definitions and the approved units, except the facts of the
     * {@code passedOver} years; the number of facts read.
     */
    public static long walk(EntityManager entityManager, Connection connection, Set<Integer> passedOver, Rows out)
            throws SQLException {
        Map<String, IndicatorDef> indicators = new HashMap<>();
        IndicatorDef.<IndicatorDef>listAll().forEach(i -> indicators.put(i.code, i));
        ApprovedUnits units = ApprovedUnits.load(entityManager, null, null);
        long read = 0;
        SeriesScan scan = new SeriesScan(indicators, units);
        Deltas part = new Deltas();
        Map<AggregateKey, Contribution> above = new TreeMap<>();
        String indicator = null;
        String section = null;
        try (PreparedStatement query = connection.prepareStatement("SELECT " + SeriesScan.COLUMNS
                + " FROM fact WHERE year <> ALL(?) ORDER BY indicator_code, region_code, area, year")) {
            query.setArray(1, connection.createArrayOf("integer", passedOver.toArray()));
            // A cursor, not the whole table in memory.
            query.setFetchSize(5_000);
            try (ResultSet facts = query.executeQuery()) {
                while (facts.next()) {
                    Object[] row = new Object[10];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = facts.getObject(i + 1);
                    }
                    read++;
                    String region = (String) row[1];
                    String township = townshipOf(region);
                    // A region above the townships is a section of its own, the way the facts are ordered.
                    String rowSection = township != null ? township : region;
                    if (indicator != null && (!row[0].equals(indicator) || !rowSection.equals(section))) {
                        scan.finish(part);
                        settle(indicator, section, part, above, out);
                        if (!row[0].equals(indicator)) {
                            out.above(indicator, above);
                            above = new TreeMap<>();
                        }
                    }
                    indicator = (String) row[0];
                    section = rowSection;
                    scan.accept(row, part);
                }
            }
        }
        if (indicator != null) {
            scan.finish(part);
            settle(indicator, section, part, above, out);
            out.above(indicator, above);
        }
        return read;
    }

    /** Hands over the part's township rows and keeps the rest for the rows above; the part is left empty. */
    private static void settle(
            String indicator, String section, Deltas part, Map<AggregateKey, Contribution> above, Rows out)
            throws SQLException {
        Map<AggregateKey, Contribution> own = new TreeMap<>();
        part.rows().forEach((key, sum) -> {
            if (townshipOf(key.region()) != null) {
                own.put(key, sum);
            } else {
                above.merge(key, sum, Contribution::plus);
            }
        });
        part.rows().clear();
        if (!own.isEmpty()) {
            out.township(indicator, section, own);
        }
    }

    /**
     * The nine digits a township's code shares with its villages' for a township's or a village's
     * code, whose rows only values of that township make; null for any other code.
     */
    public static String townshipOf(String region) {
        return DivisionCode.parse(region)
                .filter(code -> code.level() == DivisionLevel.TOWNSHIP || code.level() == DivisionLevel.VILLAGE)
                .map(code -> region.substring(0, 9))
                .orElse(null);
    }
}
