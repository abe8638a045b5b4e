package cn.bqw.indicator.targets;

import cn.bqw.indicator.catalogue.Indicator;
import cn.bqw.indicator.region.RegionRules;
import cn.bqw.platform.api.Change;
import cn.bqw.platform.api.Numbers;
import cn.bqw.platform.api.Versions;
import cn.bqw.platform.api.WriteEffect;
import cn.bqw.platform.audit.ChangeRecorder;
import cn.bqw.platform.input.Filters;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.region.RegionRecord;
import cn.bqw.platform.region.RegionReplica;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sets and lists yearly targets, and checks how a region's target is allocated to its children. */
@ApplicationScoped
public class TargetService {

    /** How targets are audited and published: every write is a "set" with the whole target. */
    static final ChangeRecorder.Kind<TargetView> KIND =
            new ChangeRecorder.Kind<>("target", TargetEvents.SET, TargetEvents.SET, TargetView::key);

    @Inject
    RegionReplica replica;

    @Inject
    RegionRules regionRules;

    @Inject
    ChangeRecorder recorder;

    @Transactional
    public Change<TargetView> put(String indicator, String region, int year, TargetRequest request, String ifMatch) {
        // The region was checked before the body was read (Permission.TARGET_PUT): nothing leaks to others.
        Target existing = Target.findById(new Target.Key(indicator, year, region));
        if (existing != null) {
            Versions.requireMatch(ifMatch, existing.version);
        }
        Change<TargetView> change = save(indicator, region, year, existing, request);
        recorder.record(KIND, List.of(change));
        return change;
    }

    /** Checks and applies one target without auditing or publishing; the caller records the change. */
    Change<TargetView> save(String indicator, String region, int year, Target existing, TargetRequest request) {
        if (Indicator.findById(indicator) == null) {
            throw ProblemException.invalid("indicator", indicator + " is not in the catalogue");
        }
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid("year", "must be between 2000 and 2100");
        }
        regionRules.requireWritable(region, replica.find(List.of(region)).get(region), null);
        BigDecimal value = Numbers.canonical(request.value());
        BigDecimal baseline = Numbers.canonical(request.baseline());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (existing == null) {
            Target target = new Target();
            target.indicatorCode = indicator;
            target.regionCode = region;
            target.year = year;
            target.value = value;
            target.kind = request.kind();
            target.baseline = baseline;
            target.updatedAt = now;
            target.persist();
            target.flush();
            return new Change<>(null, view(target), WriteEffect.CREATED);
        }
        TargetView before = view(existing);
        existing.value = value;
        existing.kind = request.kind();
        existing.baseline = baseline;
        if (view(existing).equals(before)) {
            return new Change<>(before, before, WriteEffect.UNCHANGED);
        }
        existing.updatedAt = now;
        existing.flush();
        return new Change<>(before, view(existing), WriteEffect.UPDATED);
    }

    void record(List<Change<TargetView>> changes) {
        recorder.record(KIND, changes);
    }

    public TargetView get(String indicator, String region, int year) {
        Target target = Target.findById(new Target.Key(indicator, year, region));
        if (target == null) {
            throw ProblemException.notFound("target", indicator + "|" + region + "|" + year);
        }
        return view(target);
    }

    /** Targets filtered by any of indicator, year and region. */
    public List<TargetView> list(String indicator, Integer year, String region) {
        Filters.indicatorCode("indicator", indicator);
        Filters.year("year", year);
        Filters.divisionCode("region", region);
        Map<String, Object> filters = new HashMap<>();
        List<String> where = new ArrayList<>();
        if (indicator != null) {
            where.add("indicatorCode = :indicator");
            filters.put("indicator", indicator);
        }
        if (year != null) {
            where.add("year = :year");
            filters.put("year", year);
        }
        if (region != null) {
            where.add("regionCode = :region");
            filters.put("region", region);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return Target.<Target>find(query, Sort.by("indicatorCode", "year", "regionCode"), filters).stream()
                .map(TargetService::view)
                .toList();
    }

    /** The region's target next to the sum of its children's, and which children have none. */
    public Allocation allocation(String indicator, int year, String region) {
        Target parent = Target.findById(new Target.Key(indicator, year, region));
        BigDecimal allocated = BigDecimal.ZERO;
        List<Allocation.Share> shares = new ArrayList<>();
        List<String> unallocated = new ArrayList<>();
        for (RegionRecord child : replica.children(region)) {
            Target share = Target.findById(new Target.Key(indicator, year, child.code()));
            if (share == null) {
                unallocated.add(child.code());
            } else {
                shares.add(new Allocation.Share(child.code(), Numbers.canonical(share.value)));
                allocated = allocated.add(share.value);
            }
        }
        allocated = Numbers.canonical(allocated);
        if (parent == null) {
            return new Allocation(
                    indicator, year, region, null, allocated, null, "NO_PARENT_TARGET", shares, unallocated);
        }
        BigDecimal difference = Numbers.canonical(allocated.subtract(parent.value));
        String status = difference.signum() == 0 ? "BALANCED" : difference.signum() < 0 ? "UNDER" : "OVER";
        return new Allocation(
                indicator,
                year,
                region,
                Numbers.canonical(parent.value),
                allocated,
                difference,
                status,
                shares,
                unallocated);
    }

    static TargetView view(Target target) {
        return new TargetView(
                target.indicatorCode,
                target.regionCode,
                target.year,
                Numbers.canonical(target.value),
                target.kind,
                Numbers.canonical(target.baseline),
                target.version);
    }
}
