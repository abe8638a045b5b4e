-- The approval workflow (审核): one row per (region, period, campaign) that has left OPEN.
CREATE TABLE approval (
    region_code VARCHAR(12)   NOT NULL,
    period      VARCHAR(7)    NOT NULL,
    campaign    VARCHAR(10)   NOT NULL,
    state       VARCHAR(10)   NOT NULL,
    reason      VARCHAR(2000),
    changed_by  VARCHAR(200)  NOT NULL,
    changed_at  TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (region_code, period, campaign)
);

-- Writers read the locking units on every write.
CREATE INDEX approval_locking_idx ON approval (campaign, period) WHERE state IN ('APPROVED', 'ACCEPTED');
