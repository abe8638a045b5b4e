package cn.bqw.indicator.approval;

import cn.bqw.platform.division.DivisionLevel;
import java.util.Optional;
import java.util.Set;

/** A step of the approval workflow and the state it leads to; which steps are legal from where. */
public enum ApprovalStep {
    SUBMIT(ApprovalState.SUBMITTED, Set.of(ApprovalState.OPEN, ApprovalState.RETURNED)),
    APPROVE(ApprovalState.APPROVED, Set.of(ApprovalState.SUBMITTED)),
    ACCEPT(ApprovalState.ACCEPTED, Set.of(ApprovalState.APPROVED)),
    RETURN(ApprovalState.RETURNED, Set.of(ApprovalState.SUBMITTED, ApprovalState.APPROVED, ApprovalState.ACCEPTED));

    private final ApprovalState to;
    private final Set<ApprovalState> from;

    ApprovalStep(ApprovalState to, Set<ApprovalState> from) {
        this.to = to;
        this.from = from;
    }

    public ApprovalState to() {
        return to;
    }

    /**
     * The state this step leads to from {@code current} for a division at {@code level}, or empty
     * when the step is not legal there: only a county's figures are accepted (by the city).
     */
    public Optional<ApprovalState> from(ApprovalState current, DivisionLevel level) {
        if (this == ACCEPT && level != DivisionLevel.COUNTY) {
            return Optional.empty();
        }
        return from.contains(current) ? Optional.of(to) : Optional.empty();
    }

    /** The event verb, as in {@code bqw.approval.submitted.v1}. */
    public String verb() {
        return to.name().toLowerCase(java.util.Locale.ROOT);
    }
}
