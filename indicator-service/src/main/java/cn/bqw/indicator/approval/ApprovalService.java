package cn.bqw.indicator.approval;

import cn.bqw.indicator.catalogue.Campaign;
import cn.bqw.platform.audit.AuditTrail;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.events.Outbox;
import cn.bqw.platform.importing.ImportSummary;
import cn.bqw.platform.input.Filters;
import cn.bqw.platform.period.Period;
import cn.bqw.platform.problem.Problem;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import cn.bqw.platform.region.RegionRecord;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.platform.security.CurrentActor;
import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.RegionAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The approval workflow (审核): a region's editor submits its figures for a period and campaign, the
 * approver of the division above approves or returns them, the city accepts a county's. Each step
 * is audited and published; approved and accepted figures are locked (see {@code Locks}).
 */
@ApplicationScoped
public class ApprovalService {

    public static final String AUDIT_TYPE = "approval";

    /** Periods begin on the programme's calendar. */
    private static final Set<DivisionLevel> APPROVED_LEVELS =
            Set.of(DivisionLevel.CITY, DivisionLevel.COUNTY, DivisionLevel.TOWNSHIP);

    /** One unit's state and every step it went through. */
    public record Detail(ApprovalView current, List<AuditTrail.Entry> history) {}

    @Inject
    RegionReplica replica;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    CurrentActor actor;

    @Inject
    RegionAccess access;

    @Inject
    EntityManager entityManager;

    /** Takes {@code step} for the unit; role and region were checked before (Permission.APPROVAL_*). */
    @Transactional
    public ApprovalView step(String region, String period, String campaign, ApprovalStep step, String reason) {
        Unit unit = unit(region, period, campaign);
        requireReason(step, reason);
        return take(unit, step, reason);
    }

    /**
     * Takes {@code step} for every unit of the request in its order, all or none. A unit outside
     * the caller's reach ({@code permission}'s rule) refuses the whole request (403) before any is
     * looked at; a unit refused for its input or its state makes it 409 {@code import-rejected},
     * each refusal named by its row, and nothing is stored.
     */
    @Transactional
    public ImportSummary steps(Permission permission, ApprovalBatchRequest request, ApprovalStep step) {
        List<Problem.FieldError> outside = new ArrayList<>();
        for (int row = 1; row <= request.units().size(); row++) {
            String region = request.units().get(row - 1).region();
            if (!access.allows(permission, region)) {
                outside.add(new Problem.FieldError("[" + row + "].region", permission.refusal(region)));
            }
        }
        if (!outside.isEmpty()) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN, outside.size() + " units are outside this token's reach", outside);
        }
        requireReason(step, request.reason());
        List<Problem.FieldError> refused = new ArrayList<>();
        for (int row = 1; row <= request.units().size(); row++) {
            ApprovalBatchRequest.Unit wanted = request.units().get(row - 1);
            try {
                take(unit(wanted.region(), wanted.period(), wanted.campaign()), step, request.reason());
            } catch (ProblemException conflict) {
                refused.add(new Problem.FieldError("[" + row + "]", conflict.getMessage()));
            }
            // A step leaves nothing unwritten (take flushes; audit and outbox insert directly), and
            // its row lock holds until the commit. Without this, every flush and every query's
            // auto-flush of the next steps walks all the earlier steps' entities: a batch of n
            // steps cost n² (a third of indicator-service's time in the demo city's approvals).
            entityManager.clear();
        }
        if (!refused.isEmpty()) {
            throw new ProblemException(
                    ProblemType.IMPORT_REJECTED,
                    refused.size() + " of " + request.units().size() + " units cannot take the step, so none did",
                    refused);
        }
        return new ImportSummary(false, request.units().size(), 0, 0, List.of());
    }

    private static void requireReason(ApprovalStep step, String reason) {
        if (step == ApprovalStep.RETURN && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "a return needs a reason the region can act on");
        }
    }

    private ApprovalView take(Unit unit, ApprovalStep step, String reason) {
        Approval.Key key = new Approval.Key(unit.region.code(), unit.period.toString(), unit.campaign);
        // Two approvers acting on one unit at once: the second waits and sees the first's state.
        Approval approval = Approval.findById(key, LockModeType.PESSIMISTIC_WRITE);
        ApprovalState current = approval == null ? ApprovalState.OPEN : approval.state;
        ApprovalState next = step.from(current, unit.region.level())
                .orElseThrow(
                        () -> ProblemException.conflict("cannot " + step.name().toLowerCase(java.util.Locale.ROOT)
                                + " the figures of " + key.text() + ": they are " + current
                                + (step == ApprovalStep.ACCEPT && unit.region.level() != DivisionLevel.COUNTY
                                        ? " (only a county's figures are accepted)"
                                        : "")));
        if (step == ApprovalStep.APPROVE && unit.region.level() != DivisionLevel.TOWNSHIP) {
            requireChildrenApproved(unit);
        }
        if (step == ApprovalStep.RETURN) {
            requireParentOpen(unit);
        }
        ApprovalView before = approval == null
                ? ApprovalView.open(key.regionCode(), key.period(), key.campaign())
                : ApprovalView.of(approval);
        if (approval == null) {
            approval = new Approval();
            approval.regionCode = key.regionCode();
            approval.period = key.period();
            approval.campaign = key.campaign();
        }
        approval.state = next;
        approval.reason = reason == null || reason.isBlank() ? null : reason;
        approval.changedBy = actor.name();
        approval.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
        approval.persistAndFlush();
        ApprovalView after = ApprovalView.of(approval);
        audit.record(AUDIT_TYPE, key.text(), step.name(), before, after);
        outbox.record(ApprovalEvents.of(step).of(key.text(), after));
        return after;
    }

    /** The state of every unit of the divisions directly below {@code region} for a period. */
    @Transactional
    public List<ApprovalView> children(String region, String period, String campaign, String state) {
        RegionRecord parent = replica.active(region, "region");
        Period parsed = Filters.requiredPeriod("period", period);
        List<Campaign> campaigns = campaign == null ? Arrays.asList(Campaign.values()) : List.of(campaign(campaign));
        ApprovalState wanted = state == null ? null : state(state);
        List<String> codes = replica.children(parent.code()).stream()
                .filter(child -> APPROVED_LEVELS.contains(child.level()))
                .map(RegionRecord::code)
                .toList();
        Map<Approval.Key, Approval> stored = new HashMap<>();
        if (!codes.isEmpty()) {
            Approval.<Approval>list("regionCode in ?1 and period = ?2", codes, parsed.toString())
                    .forEach(a -> stored.put(new Approval.Key(a.regionCode, a.period, a.campaign), a));
        }
        List<ApprovalView> views = new ArrayList<>();
        for (String code : codes) {
            for (Campaign c : campaigns) {
                Approval found = stored.get(new Approval.Key(code, parsed.toString(), c));
                ApprovalView view =
                        found == null ? ApprovalView.open(code, parsed.toString(), c) : ApprovalView.of(found);
                if (wanted == null || view.state() == wanted) {
                    views.add(view);
                }
            }
        }
        return views;
    }

    @Transactional
    public Detail detail(String region, String period, String campaign) {
        Unit unit = unit(region, period, campaign);
        Approval.Key key = new Approval.Key(unit.region.code(), unit.period.toString(), unit.campaign);
        Approval approval = Approval.findById(key);
        return new Detail(
                approval == null
                        ? ApprovalView.open(key.regionCode(), key.period(), key.campaign())
                        : ApprovalView.of(approval),
                audit.history(AUDIT_TYPE, key.text()));
    }

    /** A county (or city) is approved only once everything directly below it is. */
    private void requireChildrenApproved(Unit unit) {
        List<String> below = replica.children(unit.region.code()).stream()
                .filter(child -> APPROVED_LEVELS.contains(child.level()))
                .map(RegionRecord::code)
                .toList();
        if (below.isEmpty()) {
            return;
        }
        Set<String> approved = new java.util.HashSet<>();
        Approval.<Approval>list(
                        "regionCode in ?1 and period = ?2 and campaign = ?3",
                        below,
                        unit.period.toString(),
                        unit.campaign)
                .stream()
                .filter(a -> a.state.locks())
                .forEach(a -> approved.add(a.regionCode));
        List<String> missing =
                below.stream().filter(code -> !approved.contains(code)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.conflict(missing.size() + " of the " + below.size()
                    + " divisions below are not approved yet: "
                    + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                    + (missing.size() > 10 ? ", …" : ""));
        }
    }

    /** Figures inside an approved county cannot be sent back alone: the county's go back first. */
    private void requireParentOpen(Unit unit) {
        if (unit.region.parentCode() == null) {
            return;
        }
        Approval parent =
                Approval.findById(new Approval.Key(unit.region.parentCode(), unit.period.toString(), unit.campaign));
        if (parent != null && parent.state.locks()) {
            throw ProblemException.conflict("the figures of " + unit.region.parentCode() + " for " + unit.period + " "
                    + unit.campaign + " are " + parent.state + "; they are returned first");
        }
    }

    private record Unit(RegionRecord region, Period period, Campaign campaign) {}

    private Unit unit(String region, String period, String campaign) {
        RegionRecord known = replica.active(region, "region");
        if (!APPROVED_LEVELS.contains(known.level())) {
            throw ProblemException.invalid(
                    "region", region + " is a " + known.level() + "; figures are approved by township, county or city");
        }
        Campaign parsedCampaign = campaign(campaign);
        Period parsed = Filters.requiredPeriod("period", period);
        if (parsed.start().isAfter(LocalDate.now(Period.PROGRAMME_ZONE))) {
            throw ProblemException.invalid("period", parsed + " has not begun");
        }
        return new Unit(known, parsed, parsedCampaign);
    }

    private static Campaign campaign(String text) {
        try {
            return Campaign.valueOf(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid("campaign", "must be one of " + Arrays.toString(Campaign.values()));
        }
    }

    private static ApprovalState state(String text) {
        try {
            return ApprovalState.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("state", "must be one of " + Arrays.toString(ApprovalState.values()));
        }
    }
}
