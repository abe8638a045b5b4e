package cn.bqw.indicator.approval;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topics;

/** Approval steps on {@code bqw.approvals.v1}, keyed by {@code region|period|campaign}; the data is the new state. */
public enum ApprovalEvents implements EventType {
    SUBMITTED(EventNames.APPROVAL_SUBMITTED),
    APPROVED(EventNames.APPROVAL_APPROVED),
    ACCEPTED(EventNames.APPROVAL_ACCEPTED),
    RETURNED(EventNames.APPROVAL_RETURNED);

    private final Definition definition;

    ApprovalEvents(String type) {
        this.definition = new Definition(type, Topics.APPROVALS, ApprovalView.class);
    }

    static ApprovalEvents of(ApprovalStep step) {
        return valueOf(step.to().name());
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
