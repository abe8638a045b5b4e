package cn.bqw.village.registry;

import cn.bqw.platform.api.Change;
import cn.bqw.platform.api.Page;
import cn.bqw.platform.api.Versions;
import cn.bqw.platform.audit.AuditTrail;
import cn.bqw.platform.audit.ChangeRecorder;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.events.Outbox;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.village.division.Division;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Registers, changes, retires and lists villages; every change is audited and published. Single
 * writes and bulk imports share {@link #save} and {@link #record}.
 */
@ApplicationScoped
public class VillageService {

    static final String AUDIT_TYPE = "village";

    /** How villages are audited and published. */
    public static final ChangeRecorder.Kind<VillageView> KIND =
            new ChangeRecorder.Kind<>(AUDIT_TYPE, VillageEvents.REGISTERED, VillageEvents.UPDATED, VillageView::code);

    @Inject
    VillageMapper mapper;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    ChangeRecorder recorder;

    /** Registers the village, or replaces its profile when {@code ifMatch} names its current version. */
    @Transactional
    public Change<VillageView> put(String code, VillageRequest request, String ifMatch) {
        DivisionCode parsed = villageCode(code);
        Village existing = Village.findById(code);
        if (existing != null) {
            Versions.requireMatch(ifMatch, existing.version);
        }
        Change<VillageView> change = save(parsed, existing, request, this::isTownship);
        record(List.of(change));
        return change;
    }

    /**
     * Applies {@code request} to the village {@code existing} (null: a new one at {@code code}),
     * without auditing or publishing: the caller passes the change to {@link #record}.
     *
     * @throws ProblemException when the profile cannot be saved
     */
    public Change<VillageView> save(
            DivisionCode code, Village existing, VillageRequest request, Predicate<String> isTownship) {
        if (existing == null) {
            String townshipCode = code.parent().orElseThrow().value();
            if (!isTownship.test(townshipCode)) {
                throw ProblemException.invalid("code", "township " + townshipCode + " does not exist");
            }
            Village village = new Village();
            village.code = code.value();
            village.townshipCode = townshipCode;
            mapper.apply(request, village);
            village.status = VillageStatus.ACTIVE;
            village.activeFrom = request.activeFrom() == null ? LocalDate.now(ZoneOffset.UTC) : request.activeFrom();
            return village.created(() -> mapper.toView(village));
        }
        if (existing.status == VillageStatus.RETIRED) {
            throw ProblemException.conflict("village " + existing.code + " is retired; its code stays reserved");
        }
        VillageView before = mapper.toView(existing);
        mapper.apply(request, existing);
        if (request.activeFrom() != null) {
            existing.activeFrom = request.activeFrom();
        }
        return existing.updated(before, () -> mapper.toView(existing));
    }

    /** Audits and publishes saved changes, in batches for bulk writes; unchanged ones leave no trace. */
    public void record(List<Change<VillageView>> changes) {
        recorder.record(KIND, changes);
    }

    /** Retires the village from {@code effectiveOn}; its code is never given out again. */
    @Transactional
    public VillageView retire(String code, LocalDate effectiveOn, String ifMatch) {
        Village village = find(code);
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
        village.stampChanged();
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
        Map<String, Object> parameters = new HashMap<>();
        String where = query.where(parameters);
        long total = Village.count(where, parameters);
        List<VillageView> items = Village.<Village>find(where + " order by " + query.orderBy(), parameters)
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

    /** Every township's code, for checking many villages' parents at once. */
    public Set<String> townshipCodes() {
        return new HashSet<>(Division.<Division>list("level", DivisionLevel.TOWNSHIP).stream()
                .map(d -> d.code)
                .toList());
    }

    /** The code as a village code, or a 400 naming the field. */
    public static DivisionCode villageCode(String code) {
        return DivisionCode.parse(code)
                .filter(c -> c.level() == DivisionLevel.VILLAGE)
                .orElseThrow(() -> ProblemException.invalid(
                        "code", "must be a 12-digit village code: its township's 9 digits and 3 non-zero ones"));
    }

    private boolean isTownship(String code) {
        Division township = Division.findById(code);
        return township != null && township.level == DivisionLevel.TOWNSHIP;
    }

    /** The village at {@code code}: 400 when it is not even a village code, 404 when none is registered there. */
    private static Village find(String code) {
        villageCode(code);
        Village village = Village.findById(code);
        if (village == null) {
            throw ProblemException.notFound("village", code);
        }
        return village;
    }
}
