-- report-service's read models (DESIGN.md §5): the catalogue and targets it consumes, the facts
-- (each observation's current value, the projection's own copy), and the aggregates every report
-- reads: per (indicator, region, area, year, month) at every level, the sums each aggregation kind
-- is computed from, as of the end of that month.
CREATE TABLE indicator_def (
    code         VARCHAR(64)  PRIMARY KEY,
    name_zh      VARCHAR(200) NOT NULL,
    name_en      VARCHAR(200),
    campaign     VARCHAR(10)  NOT NULL,
    unit         VARCHAR(32)  NOT NULL,
    aggregation  VARCHAR(16)  NOT NULL,
    over_time    VARCHAR(8)   NOT NULL,
    direction    VARCHAR(4)   NOT NULL,
    reported_at  VARCHAR(10)  NOT NULL,
    frequency    VARCHAR(10)  NOT NULL,
    version      BIGINT       NOT NULL
);

CREATE TABLE target (
    indicator_code  VARCHAR(64)  NOT NULL,
    region_code     VARCHAR(12)  NOT NULL,
    year            INTEGER      NOT NULL,
    value           NUMERIC      NOT NULL,
    kind            VARCHAR(8)   NOT NULL,
    baseline        NUMERIC,
    version         BIGINT       NOT NULL,
    PRIMARY KEY (indicator_code, year, region_code)
);

CREATE TABLE fact (
    indicator_code  VARCHAR(64)  NOT NULL,
    region_code     VARCHAR(12)  NOT NULL,
    area            VARCHAR(5)   NOT NULL,
    year            INTEGER      NOT NULL,
    period          VARCHAR(7)   NOT NULL,
    first_month     SMALLINT     NOT NULL,
    value           NUMERIC      NOT NULL,
    numerator       NUMERIC,
    denominator     NUMERIC,
    -- The observation's own weight, or (weight_given false) the region's population, kept up to
    -- date as the region replica learns populations.
    weight          NUMERIC,
    weight_given    BOOLEAN      NOT NULL,
    version         BIGINT       NOT NULL,
    PRIMARY KEY (indicator_code, region_code, area, year, period)
);

CREATE INDEX fact_region_idx ON fact (region_code);

CREATE TABLE aggregate (
    indicator_code  VARCHAR(64)  NOT NULL,
    year            INTEGER      NOT NULL,
    month           SMALLINT     NOT NULL,
    area            VARCHAR(5)   NOT NULL,
    region_code     VARCHAR(12)  NOT NULL,
    value           NUMERIC      NOT NULL,
    numerator       NUMERIC      NOT NULL,
    denominator     NUMERIC      NOT NULL,
    weighted        NUMERIC      NOT NULL,
    weight          NUMERIC      NOT NULL,
    reporters       BIGINT       NOT NULL,
    PRIMARY KEY (indicator_code, year, month, area, region_code)
);

-- What the reports say about freshness and their default as-of month.
CREATE TABLE report_year (
    year          INTEGER   PRIMARY KEY,
    -- The last month covered by a monthly or quarterly value of the year (yearly values do not move it).
    latest_month  SMALLINT  NOT NULL
);

CREATE TABLE projection_state (
    id              SMALLINT     PRIMARY KEY,
    last_event_at   TIMESTAMPTZ,
    applied_at      TIMESTAMPTZ
);
INSERT INTO projection_state (id) VALUES (1);
