package cn.bqw.indicator.locking;

import cn.bqw.indicator.approval.Approval;
import cn.bqw.indicator.approval.ApprovalState;
import cn.bqw.indicator.catalogue.Campaign;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;

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
        return locks(Approval.<Approval>list("state in ?1", LOCKING).stream()
                .map(unit -> approved(unit.regionCode, unit.period, unit.campaign, unit.state.name()))
                .toList());
    }

    /**
     * The same for one value of {@code region}: only the approved units of the region and the
     * divisions above it can cover it, so a single post does not read every approved unit. Read
     * with plain JDBC: Hibernate built the entities' result mapping anew for every post, most of
     * this read's cost for what is nearly always no row.
     */
    public Locks inForceFor(String region) {
        if (DivisionCode.parse(region).isEmpty()) {
            return locks(List.of());
        }
        return locks(Approval.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT region_code, period, campaign, state FROM approval WHERE state IN (" + LOCKING_STATES
                            + ") AND region_code = ANY(?)")) {
                select.setArray(
                        1,
                        connection.createArrayOf(
                                "varchar", DivisionCode.lineage(region).toArray(String[]::new)));
                List<Locks.Approved> approved = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        approved.add(approved(
                                rows.getString(1),
                                rows.getString(2),
                                Campaign.valueOf(rows.getString(3)),
                                rows.getString(4)));
                    }
                }
                return approved;
            }
        }));
    }

    private static final List<ApprovalState> LOCKING = List.of(ApprovalState.APPROVED, ApprovalState.ACCEPTED);
    private static final String LOCKING_STATES =
            LOCKING.stream().map(state -> "'" + state.name() + "'").collect(Collectors.joining(", "));

    private static Locks.Approved approved(String region, String period, Campaign campaign, String state) {
        return new Locks.Approved(
                new Approval.Key(region, period, campaign).text(),
                campaign,
                Period.parse(period).orElseThrow(),
                DivisionCode.parse(region).orElseThrow(),
                state);
    }

    private Locks locks(List<Locks.Approved> approved) {
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
        return new Locks(closed, approved, admin);
    }
}
