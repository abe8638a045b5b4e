package cn.bqw.report.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** report-service's copy of a yearly target, kept from {@code bqw.indicators.v1}. */
@Entity
@IdClass(Target.Key.class)
public class Target extends PanacheEntityBase {

    @Id
    public String indicatorCode;

    @Id
    public int year;

    @Id
    public String regionCode;

    public BigDecimal value;
    public String kind;
    public BigDecimal baseline;
    public long version;

    public static Target find(String indicator, int year, String region) {
        return findById(new Key(indicator, year, region));
    }

    /** The targets of an indicator and year set for any of {@code regions}, by region: one statement however many. */
    @SuppressWarnings("unchecked")
    public static Map<String, Target> ofRegions(String indicator, int year, Collection<String> regions) {
        Map<String, Target> found = new HashMap<>();
        if (regions.isEmpty()) {
            return found;
        }
        List<Target> rows = getEntityManager()
                .createNativeQuery(
                        "SELECT * FROM target WHERE indicator_code = ?1 AND year = ?2"
                                + " AND region_code = ANY(CAST(?3 AS varchar[]))",
                        Target.class)
                .setParameter(1, indicator)
                .setParameter(2, year)
                .setParameter(3, regions.toArray(String[]::new))
                .getResultList();
        rows.forEach(target -> found.put(target.regionCode, target));
        return found;
    }

    /** The key: indicator, year, region. */
    public record Key(String indicatorCode, int year, String regionCode) implements Serializable {}
}
