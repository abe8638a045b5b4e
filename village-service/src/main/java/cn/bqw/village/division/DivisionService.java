package cn.bqw.village.division;

import cn.bqw.platform.api.Change;
import cn.bqw.platform.api.Versions;
import cn.bqw.platform.audit.AuditTrail;
import cn.bqw.platform.audit.ChangeRecorder;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.events.Outbox;
import cn.bqw.platform.input.Filters;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.security.RegionAccess;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Registers, changes and reads divisions, enforcing the code rules of DESIGN.md §2. */
@ApplicationScoped
public class DivisionService {

    static final String AUDIT_TYPE = "division";

    /** A division's size: its townships, its active villages and their resident population. */
    @Schema(
            example =
                    "{\"code\":\"449901000000\",\"townships\":38,\"activeVillages\":612,\"villageResidentPopulation\":401230}")
    public record Summary(String code, long townships, long activeVillages, long villageResidentPopulation) {}

    @Inject
    DivisionMapper mapper;

    @Inject
    RegionAccess regionAccess;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    ChangeRecorder recorder;

    @Inject
    EntityManager entityManager;

    /** How divisions are audited and published. */
    public static final ChangeRecorder.Kind<DivisionView> KIND = new ChangeRecorder.Kind<>(
            AUDIT_TYPE, DivisionEvents.REGISTERED, DivisionEvents.UPDATED, DivisionView::code);

    @Transactional
    public DivisionView register(DivisionRequest request) {
        DivisionCode code = divisionCode(request.code());
        regionAccess.requireDecide(code.value());
        if (Division.findById(code.value()) != null) {
            throw ProblemException.conflict("division " + code + " already exists");
        }
        Change<DivisionView> change = save(code, null, request, parent -> Division.findById(parent) != null);
        record(List.of(change));
        return change.after();
    }

    /** Changes a division's names, class, urban flag or population; its code and place are fixed. */
    @Transactional
    public DivisionView update(String code, DivisionRequest request, String ifMatch) {
        // Role and region were checked before the body was read (Permission.DIVISION_UPDATE).
        Division division = find(code);
        Versions.requireMatch(ifMatch, division.version);
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code", "must be the code in the path, " + code);
        }
        Change<DivisionView> change = save(divisionCode(code), division, request, parent -> true);
        record(List.of(change));
        return change.after();
    }

    /**
     * Applies {@code request} to {@code existing} (null: a new division at {@code code}) without
     * auditing or publishing: the caller passes the change to {@link #record}.
     *
     * @throws ProblemException when the division cannot be saved
     */
    public Change<DivisionView> save(
            DivisionCode code, Division existing, DivisionRequest request, Predicate<String> parentExists) {
        DivisionRules.check(code, request);
        if (existing == null) {
            String parentCode = code.parent().map(DivisionCode::value).orElse(null);
            if (code.level() == DivisionLevel.CITY && !parentExists.test(parentCode)) {
                // A city's province is optional: without it the city is a root of the tree.
                parentCode = null;
            } else if (parentCode != null && !parentExists.test(parentCode)) {
                throw ProblemException.invalid("code", "parent division " + parentCode + " does not exist");
            }
            Division division = new Division();
            division.code = code.value();
            division.level = code.level();
            division.parentCode = parentCode;
            mapper.apply(request, division);
            Change<DivisionView> created = division.created(() -> mapper.toView(division));
            if (code.level() == DivisionLevel.PROVINCE) {
                adoptCities(code);
            }
            return created;
        }
        DivisionView before = mapper.toView(existing);
        mapper.apply(request, existing);
        return existing.updated(before, () -> mapper.toView(existing));
    }

    /**
     * A province registered after its cities becomes their parent: each root city of its prefix
     * takes it as parent, audited and published like any change, so every replica's tree joins up.
     */
    private void adoptCities(DivisionCode province) {
        List<Change<DivisionView>> adopted = new ArrayList<>();
        for (Division city : Division.<Division>list(
                "level = ?1 and parentCode is null and code >= ?2 and code < ?3",
                Sort.by("code"),
                DivisionLevel.CITY,
                province.subtree().first(),
                province.subtree().end())) {
            DivisionView before = mapper.toView(city);
            city.parentCode = province.value();
            adopted.add(city.updated(before, () -> mapper.toView(city)));
        }
        record(adopted);
    }

    /** Audits and publishes saved changes, in batches for bulk writes; unchanged ones leave no trace. */
    public void record(List<Change<DivisionView>> changes) {
        recorder.record(KIND, changes);
    }

    /** The code as a division code, or a 400 naming the field. */
    public static DivisionCode divisionCode(String code) {
        return DivisionCode.parse(code)
                .orElseThrow(() -> ProblemException.invalid(
                        "code", "must be 12 digits PPCCDDTTTVVV with zeros filling the lower levels"));
    }

    /**
     * Removes a division registered by mistake. Only one with nothing below it (no divisions, no
     * villages ever) can go; a real change of the map is a change of its children, not a deletion.
     */
    @Transactional
    public void delete(String code, String ifMatch) {
        Division division = find(code);
        Versions.requireMatch(ifMatch, division.version);
        DivisionCode.Subtree below = DivisionCode.parse(code).orElseThrow().subtree();
        long children = Division.count("code >= ?1 and code < ?2 and code <> ?3", below.first(), below.end(), code);
        long villages = ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM village WHERE code >= ?1 AND code < ?2")
                        .setParameter(1, below.first())
                        .setParameter(2, below.end())
                        .getSingleResult())
                .longValue();
        if (children > 0 || villages > 0) {
            throw ProblemException.conflict("division " + code + " has " + children + " divisions and " + villages
                    + " villages below it; only an empty division can be deleted");
        }
        DivisionView last = mapper.toView(division);
        division.delete();
        audit.record(AUDIT_TYPE, code, "DELETED", last, null);
        outbox.record(DivisionEvents.DELETED.of(code, last));
    }

    public DivisionView get(String code) {
        return mapper.toView(find(code));
    }

    /** The divisions directly below {@code parentCode}, or the roots (no registered parent) when it is null. */
    public List<DivisionView> children(String parentCode) {
        Filters.divisionCode("parent", parentCode);
        List<Division> children = parentCode == null
                ? Division.list("parentCode is null", Sort.by("code"))
                : Division.list("parentCode", Sort.by("code"), find(parentCode).code);
        return children.stream().map(mapper::toView).toList();
    }

    /** The divisions above {@code code}, from the city down to its parent. */
    public List<DivisionView> ancestors(String code) {
        List<DivisionView> ancestors = new ArrayList<>();
        for (String parent = find(code).parentCode; parent != null; ) {
            Division division = find(parent);
            ancestors.add(0, mapper.toView(division));
            parent = division.parentCode;
        }
        return ancestors;
    }

    /** Counts over the subtree, from the village registry (active villages only). */
    public Summary summary(String code) {
        DivisionCode division = DivisionCode.parse(find(code).code).orElseThrow();
        DivisionCode.Subtree below = division.subtree();
        long townships = Division.count(
                "level = ?1 and code >= ?2 and code < ?3", DivisionLevel.TOWNSHIP, below.first(), below.end());
        Object[] villages = (Object[]) entityManager
                .createNativeQuery("SELECT count(*), coalesce(sum(resident_population), 0) FROM village"
                        + " WHERE status = 'ACTIVE' AND code >= ?1 AND code < ?2")
                .setParameter(1, below.first())
                .setParameter(2, below.end())
                .getSingleResult();
        return new Summary(
                code,
                division.level() == DivisionLevel.TOWNSHIP ? 1 : townships,
                ((Number) villages[0]).longValue(),
                ((Number) villages[1]).longValue());
    }

    public List<AuditTrail.Entry> history(String code) {
        find(code);
        return audit.history(AUDIT_TYPE, code);
    }

    /** The division at {@code code}: 400 when it is not even a division code, 404 when none is registered there. */
    private static Division find(String code) {
        divisionCode(code);
        Division division = Division.findById(code);
        if (division == null) {
            throw ProblemException.notFound("division", code);
        }
        return division;
    }
}
