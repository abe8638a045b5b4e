package cn.bqw.indicator.locking;

import cn.bqw.indicator.catalogue.Campaign;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.period.Period;
import cn.bqw.platform.problem.Problem;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The period locks and approvals in force for one request, checked against each value it writes. */
public final class Locks {

    /** One lock, parsed once. */
    record Closed(long id, Set<String> indicators, Period period, DivisionCode region) {

        boolean covers(String indicator, DivisionCode target, Period targetPeriod) {
            return (indicators.isEmpty() || indicators.contains(indicator))
                    && period.contains(targetPeriod)
                    && region.contains(target);
        }
    }

    /** Figures of a region's subtree, a period and a campaign that are approved (or accepted). */
    record Approved(String unit, Campaign campaign, Period period, DivisionCode region, String state) {

        boolean covers(Campaign valueCampaign, DivisionCode target, Period targetPeriod) {
            return campaign == valueCampaign && period.contains(targetPeriod) && region.contains(target);
        }
    }

    private final List<Closed> closed;
    private final List<Approved> approved;
    private final boolean bypass;

    Locks(List<Closed> closed, List<Approved> approved, boolean bypass) {
        this.closed = closed;
        this.approved = approved;
        this.bypass = bypass;
    }

    /**
     * Throws 409 when the value is approved (nobody writes it until it is returned) or a period
     * lock covers it and the caller may not write through it.
     */
    public void requireOpen(String indicator, Campaign campaign, String region, Period period) {
        Optional<DivisionCode> code = DivisionCode.parse(region);
        if (code.isEmpty()) {
            return;
        }
        approved.stream()
                .filter(unit -> unit.covers(campaign, code.get(), period))
                .findFirst()
                .ifPresent(unit -> {
                    String message = "is " + unit.state() + " (" + unit.unit() + "); it is written again once returned";
                    throw new ProblemException(
                            ProblemType.APPROVED,
                            "the value of " + region + " for " + period + " " + message,
                            List.of(new Problem.FieldError("period", message)));
                });
        if (bypass || closed.isEmpty()) {
            return;
        }
        closed.stream()
                .filter(lock -> lock.covers(indicator, code.get(), period))
                .findFirst()
                .ifPresent(lock -> {
                    String message = "is locked for " + region + " (lock " + lock.id() + " on " + lock.period() + ")";
                    throw new ProblemException(
                            ProblemType.CONFLICT,
                            "period " + period + " " + message + "; only an admin may write into it",
                            List.of(new Problem.FieldError("period", message)));
                });
    }
}
