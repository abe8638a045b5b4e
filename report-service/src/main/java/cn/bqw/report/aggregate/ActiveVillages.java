package cn.bqw.report.aggregate;

import cn.bqw.platform.division.DivisionCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The active villages at or below each division: the denominator of SHARE_TRUE. */
@ApplicationScoped
public class ActiveVillages {

    @Inject
    EntityManager entityManager;

    /** Active villages at or below a region. */
    @SuppressWarnings("unchecked")
    public long of(String region) {
        List<Object> count = entityManager
                .createNativeQuery("SELECT villages FROM active_villages WHERE region_code = ?1")
                .setParameter(1, region)
                .getResultList();
        return count.isEmpty() ? 0 : ((Number) count.get(0)).longValue();
    }

    /**
     * Adds each village's change (+1 activated, −1 retired) to every division above it: one write
     * per division for a whole poll, in key order (so that concurrent consumers never deadlock).
     */
    public void change(Map<String, Integer> changeByVillage) {
        Map<String, Integer> byDivision = new TreeMap<>();
        changeByVillage.forEach((village, change) -> {
            for (String division : DivisionCode.ancestors(village)) {
                byDivision.merge(division, change, Integer::sum);
            }
        });
        byDivision.forEach((division, change) -> {
            if (change != 0) {
                entityManager
                        .createNativeQuery(
                                """
                                INSERT INTO active_villages (region_code, villages) VALUES (?1, ?2)
                                ON CONFLICT (region_code) DO UPDATE SET villages = active_villages.villages + excluded.villages""")
                        .setParameter(1, division)
                        .setParameter(2, change)
                        .executeUpdate();
            }
        });
    }
}
