package cn.bqw.indicator.approval;

/** Where a (region, period, campaign)'s figures stand (报送 / 审核 / 确认 / 退回). */
public enum ApprovalState {
    /** Nothing submitted yet: the figures are provisional and anyone allowed may write them. */
    OPEN,
    /** The region's editor says its figures are complete. */
    SUBMITTED,
    /** The approver of the division above has checked them; they are locked. */
    APPROVED,
    /** The city has taken a county's approved figures as final; they are locked. */
    ACCEPTED,
    /** Sent back with a reason; writable again until the next submission. */
    RETURNED;

    /** Whether values this state covers may no longer be written. */
    public boolean locks() {
        return this == APPROVED || this == ACCEPTED;
    }
}
