ALTER TABLE indicator ADD COLUMN outliers VARCHAR(6) NOT NULL DEFAULT 'FLAG';

-- Yearly targets per (indicator, region, year) (DESIGN.md §5).
CREATE TABLE target (
    indicator_code  VARCHAR(64)  NOT NULL REFERENCES indicator (code),
    region_code     VARCHAR(12)  NOT NULL,
    year            INTEGER      NOT NULL,
    value           NUMERIC      NOT NULL,
    kind            VARCHAR(8)   NOT NULL,
    baseline        NUMERIC,
    version         BIGINT       NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (indicator_code, year, region_code)
);

-- The current value of each observation key; superseded versions are in observation_revision.
-- No foreign key to indicator: every write checks the code against the catalogue, indicators are
-- never deleted, and a per-row key check would cost bulk loads a third of their insert time.
CREATE TABLE observation (
    indicator_code  VARCHAR(64)  NOT NULL,
    region_code     VARCHAR(12)  NOT NULL,
    period          VARCHAR(7)   NOT NULL,
    area            VARCHAR(5)   NOT NULL,
    value           NUMERIC      NOT NULL,
    numerator       NUMERIC,
    denominator     NUMERIC,
    weight          NUMERIC,
    outlier         VARCHAR(200),
    version         BIGINT       NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    recorded_by     VARCHAR(200) NOT NULL,
    -- In this order the key also finds a value's peers: the same indicator, period and area in the
    -- regions under one parent, whose codes share the parent's prefix.
    PRIMARY KEY (indicator_code, period, area, region_code)
);

-- A series: one region's values of an indicator over the periods.
CREATE INDEX observation_series_idx ON observation (indicator_code, region_code, area);

-- Closed reporting periods: no writes but an admin's into (indicators, period, region subtree).
CREATE TABLE period_lock (
    id           BIGSERIAL    PRIMARY KEY,
    indicators   VARCHAR(64)[] NOT NULL,
    period       VARCHAR(7)   NOT NULL,
    region_code  VARCHAR(12)  NOT NULL,
    locked_by    VARCHAR(200) NOT NULL,
    locked_at    TIMESTAMPTZ  NOT NULL
);
