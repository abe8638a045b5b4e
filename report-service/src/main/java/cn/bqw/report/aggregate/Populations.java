package cn.bqw.report.aggregate;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.region.RegionRecord;
import cn.bqw.platform.region.RegionReplica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Regions' resident populations, the weights of WEIGHTED_AVG facts given without one. */
@ApplicationScoped
public class Populations {

    @Inject
    EntityManager entityManager;

    @Inject
    RegionReplica regions;

    /** A region's resident population: its own figure, else the sum of its active villages'. */
    public BigDecimal of(String region) {
        return of(region, regions.find(List.of(region)).get(region));
    }

    /** The weights of the values that came without one: their regions' populations, read together. */
    Map<String, BigDecimal> ofUnweighted(Collection<ObservationState> states) {
        return of(states.stream()
                .filter(state -> state.weight() == null)
                .map(ObservationState::region)
                .collect(Collectors.toSet()));
    }

    /** {@link #of(String)} of each region, their records read in one query. */
    Map<String, BigDecimal> of(Set<String> codes) {
        Map<String, RegionRecord> records = regions.find(codes);
        Map<String, BigDecimal> populations = new HashMap<>();
        for (String code : codes) {
            populations.put(code, of(code, records.get(code)));
        }
        return populations;
    }

    private BigDecimal of(String region, RegionRecord record) {
        if (record != null && record.population() != null) {
            return BigDecimal.valueOf(record.population());
        }
        DivisionCode.Subtree below = AggregateStore.subtree(region);
        Object sum = entityManager
                .createNativeQuery(
                        """
                        SELECT COALESCE(SUM(population), 0) FROM region_replica
                        WHERE level = 'VILLAGE' AND active AND code >= ?1 AND code < ?2""")
                .setParameter(1, below.first())
                .setParameter(2, below.end())
                .getSingleResult();
        return new BigDecimal(sum.toString());
    }
}
