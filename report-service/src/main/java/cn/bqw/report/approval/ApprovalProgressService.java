package cn.bqw.report.approval;

import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.input.Filters;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.region.RegionRecord;
import cn.bqw.platform.region.RegionReplica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the approval progress of a region's children from the projection's {@code approval_unit}. */
@ApplicationScoped
public class ApprovalProgressService {

    /** An approval unit of one period: a region's campaign. */
    private record RegionCampaign(String region, String campaign) {}

    @Inject
    RegionReplica regions;

    @Inject
    EntityManager entityManager;

    @Transactional
    @SuppressWarnings("unchecked")
    public ApprovalProgress progress(String region, String period) {
        RegionRecord parent =
                region == null ? null : regions.find(List.of(region)).get(region);
        if (parent == null) {
            throw ProblemException.notFound("region", region);
        }
        String unitPeriod = Filters.requiredPeriod("period", period).toString();
        List<RegionRecord> children = regions.children(parent.code()).stream()
                .filter(child -> child.level() != DivisionLevel.VILLAGE)
                .toList();
        List<String> campaigns = entityManager
                .createNativeQuery("SELECT DISTINCT campaign FROM indicator_def ORDER BY campaign")
                .getResultList();
        Map<RegionCampaign, Object[]> stored = new HashMap<>();
        if (!children.isEmpty()) {
            List<Object[]> rows = entityManager
                    .createNativeQuery("SELECT region_code, campaign, state, reason, changed_by FROM approval_unit"
                            + " WHERE period = ?1 AND region_code IN (?2)")
                    .setParameter(1, unitPeriod)
                    .setParameter(2, children.stream().map(RegionRecord::code).toList())
                    .getResultList();
            rows.forEach(row -> stored.put(new RegionCampaign((String) row[0], (String) row[1]), row));
        }
        List<ApprovalProgress.Unit> units = new ArrayList<>();
        List<ApprovalProgress.Campaign> counts = new ArrayList<>();
        for (String campaign : campaigns) {
            Map<String, Integer> byState = new HashMap<>();
            for (RegionRecord child : children) {
                Object[] row = stored.get(new RegionCampaign(child.code(), campaign));
                String state = row == null ? "OPEN" : (String) row[2];
                byState.merge(state, 1, Integer::sum);
                units.add(new ApprovalProgress.Unit(
                        child.code(),
                        child.nameZh(),
                        campaign,
                        state,
                        row == null ? null : (String) row[3],
                        row == null ? null : (String) row[4]));
            }
            int approved = byState.getOrDefault("APPROVED", 0);
            int accepted = byState.getOrDefault("ACCEPTED", 0);
            counts.add(new ApprovalProgress.Campaign(
                    campaign,
                    children.size(),
                    byState.getOrDefault("OPEN", 0),
                    byState.getOrDefault("SUBMITTED", 0),
                    approved,
                    accepted,
                    byState.getOrDefault("RETURNED", 0),
                    children.isEmpty()
                            ? BigDecimal.ZERO
                            : BigDecimal.valueOf(approved + accepted)
                                    .divide(BigDecimal.valueOf(children.size()), 4, RoundingMode.HALF_UP)));
        }
        return new ApprovalProgress(parent.code(), unitPeriod, counts, units);
    }
}
