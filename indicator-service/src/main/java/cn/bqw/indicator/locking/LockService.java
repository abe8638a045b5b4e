package cn.bqw.indicator.locking;

import cn.bqw.indicator.approval.Approval;
import cn.bqw.indicator.approval.ApprovalState;
import cn.bqw.indicator.catalogue.Indicator;
import cn.bqw.platform.audit.AdminActs;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.period.Period;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.platform.security.CurrentActor;
import cn.bqw.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Closes and reopens reporting periods; writers ask it for the locks (and approvals) in force. */
@ApplicationScoped
public class LockService {

    @Inject
    AdminActs acts;

    @Inject
    CurrentActor actor;

    @Inject
    RegionReplica replica;

    @Inject
    SecurityIdentity identity;

    @Transactional
    public LockView lock(LockRequest request) {
        if (Period.parse(request.period()).isEmpty()) {
            throw ProblemException.invalid("period", "must be like 2025, 2025Q2 or 2025-06");
        }
        if (DivisionCode.parse(request.region()).isEmpty()) {
            throw ProblemException.invalid("region", "must be a 12-digit division code");
        }
        if (replica.find(List.of(request.region())).isEmpty()) {
            throw ProblemException.invalid("region", request.region() + " is not a registered division");
        }
        List<String> indicators = request.indicators() == null ? List.of() : request.indicators();
        for (String code : indicators) {
            if (Indicator.findById(code) == null) {
                throw ProblemException.invalid("indicators", code + " is not in the catalogue");
            }
        }
        PeriodLock lock = new PeriodLock();
        lock.indicators = indicators.stream().distinct().sorted().toArray(String[]::new);
        lock.period = request.period();
        lock.regionCode = request.region();
        lock.lockedBy = actor.name();
        lock.lockedAt = OffsetDateTime.now(ZoneOffset.UTC);
        lock.persist();
        LockView view = LockView.of(lock);
        acts.record("lock.create", Long.toString(view.id()), request, "locked");
        return view;
    }

    @Transactional
    public void unlock(long id) {
        PeriodLock lock = PeriodLock.findById(id);
        if (lock == null) {
            throw ProblemException.notFound("lock", Long.toString(id));
        }
        LockView reopened = LockView.of(lock);
        lock.delete();
        acts.record("lock.delete", Long.toString(id), reopened, "reopened");
    }

    public List<LockView> list() {
        return PeriodLock.<PeriodLock>listAll(Sort.by("id")).stream()
                .map(LockView::of)
                .toList();
    }

    /** The locks the current caller must respect (none for an admin), and every approved unit. */
    public Locks inForce() {
        return locks(Approval.list("state in ?1", LOCKING));
    }

    /**
     * The same for one value of {@code region}: only the approved units of the region and the
     * divisions above it can cover it, so a single post does not read every approved unit.
     */
    public Locks inForceFor(String region) {
        if (DivisionCode.parse(region).isEmpty()) {
            return locks(List.of());
        }
        // One array parameter: Hibernate translates a query with an IN list anew for every execution,
        // which was a fifth of a single post's time.
        @SuppressWarnings("unchecked")
        List<Approval> units = Approval.getEntityManager()
                .createNativeQuery(
                        "SELECT * FROM approval WHERE state IN (" + LOCKING_STATES + ") AND region_code = ANY(?1)",
                        Approval.class)
                .setParameter(1, DivisionCode.lineage(region).toArray(String[]::new))
                .getResultList();
        return locks(units);
    }

    private static final List<ApprovalState> LOCKING = List.of(ApprovalState.APPROVED, ApprovalState.ACCEPTED);
    private static final String LOCKING_STATES =
            LOCKING.stream().map(state -> "'" + state.name() + "'").collect(Collectors.joining(", "));

    private Locks locks(List<Approval> approvedUnits) {
        boolean admin = identity.hasRole(Roles.ADMIN);
        List<Locks.Closed> closed = admin
                ? List.of()
                : PeriodLock.<PeriodLock>listAll().stream()
                        .map(lock -> new Locks.Closed(
                                lock.id,
                                Set.of(lock.indicators),
                                Period.parse(lock.period).orElseThrow(),
                                DivisionCode.parse(lock.regionCode).orElseThrow()))
                        .toList();
        List<Locks.Approved> approved = approvedUnits.stream()
                .map(unit -> new Locks.Approved(
                        new Approval.Key(unit.regionCode, unit.period, unit.campaign).text(),
                        unit.campaign,
                        Period.parse(unit.period).orElseThrow(),
                        DivisionCode.parse(unit.regionCode).orElseThrow(),
                        unit.state.name()))
                .toList();
        return new Locks(closed, approved, admin);
    }
}
