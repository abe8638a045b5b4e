-- The approval state of each (region, period, campaign), from bqw.approvals.v1 (newest version wins).
CREATE TABLE approval_unit (
    region_code VARCHAR(12)  NOT NULL,
    period      VARCHAR(7)   NOT NULL,
    campaign    VARCHAR(10)  NOT NULL,
    state       VARCHAR(10)  NOT NULL,
    reason      VARCHAR(2000),
    changed_by  VARCHAR(200),
    changed_at  TIMESTAMPTZ,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (region_code, period, campaign)
);
