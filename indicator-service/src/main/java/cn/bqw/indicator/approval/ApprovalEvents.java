package cn.bqw.indicator.approval;

import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topic;
import cn.bqw.platform.events.Topics;

/** Approval steps on {@code bqw.approvals.v1}, keyed by {@code region|period|campaign}; the data is the new state. */
public enum ApprovalEvents implements EventType {
    SUBMITTED(EventNames.APPROVAL_SUBMITTED),
    APPROVED(EventNames.APPROVAL_APPROVED),
    ACCEPTED(EventNames.APPROVAL_ACCEPTED),
    RETURNED(EventNames.APPROVAL_RETURNED);

    private final String type;

    ApprovalEvents(String type) {
        this.type = type;
    }

    static ApprovalEvents of(ApprovalStep step) {
        return valueOf(step.to().name());
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Topic topic() {
        return Topics.APPROVALS;
    }

    @Override
    public Class<? extends Record> dataType() {
        return ApprovalView.class;
    }
}
