package cn.bqw.village.registry;

import cn.bqw.platform.api.Page;
import cn.bqw.platform.api.Versions;
import cn.bqw.platform.audit.AuditTrail;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.events.Outbox;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.security.RegionAccess;
import cn.bqw.village.division.Division;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Registers, changes, retires and lists villages; every change is audited and published. */
@ApplicationScoped
public class VillageService {

    static final String AUDIT_TYPE = "village";

    /** What a PUT did, for the resource to answer 201 or 200. */
    public record Saved(VillageView village, boolean created) {}

    @Inject
    VillageMapper mapper;

    @Inject
    RegionAccess regionAccess;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    /** Registers the village, or replaces its profile when {@code ifMatch} names its current version. */
    @Transactional
    public Saved put(String code, VillageRequest request, String ifMatch) {
        DivisionCode parsed = DivisionCode.parse(code)
                .filter(c -> c.level() == DivisionLevel.VILLAGE)
                .orElseThrow(() -> ProblemException.invalid(
                        "code", "must be a 12-digit village code: its township's 9 digits and 3 non-zero ones"));
        regionAccess.requireWrite(parsed.value());
        Village village = Village.findById(code);
        if (village == null) {
            return new Saved(register(parsed, request), true);
        }
        Versions.requireMatch(ifMatch, village.version);
        if (village.status == VillageStatus.RETIRED) {
            throw ProblemException.conflict("village " + code + " is retired; its code stays reserved");
        }
        VillageView before = mapper.toView(village);
        mapper.apply(request, village);
        if (request.activeFrom() != null) {
            village.activeFrom = request.activeFrom();
        }
        if (mapper.toView(village).equals(before)) {
            // The same profile again: no new version, no history, no event.
            return new Saved(before, false);
        }
        village.updatedAt = now();
        village.flush();
        VillageView after = mapper.toView(village);
        audit.record(AUDIT_TYPE, code, "UPDATED", before, after);
        outbox.record(VillageEvents.UPDATED.of(code, after));
        return new Saved(after, false);
    }

    private VillageView register(DivisionCode code, VillageRequest request) {
        String townshipCode = code.parent().orElseThrow().value();
        Division township = Division.findById(townshipCode);
        if (township == null || township.level != DivisionLevel.TOWNSHIP) {
            throw ProblemException.invalid("code", "township " + townshipCode + " does not exist");
        }
        Village village = new Village();
        village.code = code.value();
        village.townshipCode = townshipCode;
        mapper.apply(request, village);
        village.status = VillageStatus.ACTIVE;
        village.activeFrom = request.activeFrom() == null ? LocalDate.now(ZoneOffset.UTC) : request.activeFrom();
        village.createdAt = village.updatedAt = now();
        village.persist();
        village.flush();
        VillageView registered = mapper.toView(village);
        audit.record(AUDIT_TYPE, village.code, "REGISTERED", null, registered);
        outbox.record(VillageEvents.REGISTERED.of(village.code, registered));
        return registered;
    }

    /** Retires the village from {@code effectiveOn}; its code is never given out again. */
    @Transactional
    public VillageView retire(String code, LocalDate effectiveOn, String ifMatch) {
        Village village = find(code);
        regionAccess.requireWrite(code);
        Versions.requireMatch(ifMatch, village.version);
        if (village.status == VillageStatus.RETIRED) {
            throw ProblemException.conflict("village " + code + " is already retired");
        }
        if (effectiveOn.isBefore(village.activeFrom)) {
            throw ProblemException.invalid("effectiveOn", "must not be before the village became active");
        }
        VillageView before = mapper.toView(village);
        village.status = VillageStatus.RETIRED;
        village.retiredOn = effectiveOn;
        village.updatedAt = now();
        village.flush();
        VillageView after = mapper.toView(village);
        audit.record(AUDIT_TYPE, code, "RETIRED", before, after);
        outbox.record(VillageEvents.RETIRED.of(code, after));
        return after;
    }

    public VillageView get(String code) {
        return mapper.toView(find(code));
    }

    public Page<VillageView> list(VillageQuery query) {
        Map<String, Object> parameters = VillageQuery.parameters();
        String where = query.where(parameters);
        Parameters params = new Parameters();
        parameters.forEach(params::and);
        long total = Village.count(where, params);
        List<VillageView> items = Village.<Village>find(where + " order by " + query.orderBy(), params)
                .page(query.page(), query.size())
                .list()
                .stream()
                .map(mapper::toView)
                .toList();
        return new Page<>(items, total, query.page(), query.size());
    }

    public List<AuditTrail.Entry> history(String code) {
        find(code);
        return audit.history(AUDIT_TYPE, code);
    }

    private static Village find(String code) {
        Village village = Village.findById(code);
        if (village == null) {
            throw ProblemException.notFound("village", code);
        }
        return village;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
