package cn.bqw.indicator.approval;

import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Topic;
import cn.bqw.platform.events.Topics;

/** Approval steps on {@code bqw.approvals.v1}, keyed by {@code region|period|campaign}; the data is the new state. */
public enum ApprovalEvents implements EventType {
    SUBMITTED("bqw.approval.submitted.v1"),
    APPROVED("bqw.approval.approved.v1"),
    ACCEPTED("bqw.approval.accepted.v1"),
    RETURNED("bqw.approval.returned.v1");

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
