-- Superseded versions of observations: a revision moves the value it replaces here, so that a
-- key's history (who recorded what, when) is these rows and the current one. A new key writes
-- nothing here, which keeps bulk first loads to one row per value.
CREATE TABLE observation_revision (
    indicator_code  VARCHAR(64)  NOT NULL,
    region_code     VARCHAR(12)  NOT NULL,
    period          VARCHAR(7)   NOT NULL,
    area            VARCHAR(5)   NOT NULL,
    version         BIGINT       NOT NULL,
    value           NUMERIC      NOT NULL,
    numerator       NUMERIC,
    denominator     NUMERIC,
    weight          NUMERIC,
    outlier         VARCHAR(200),
    recorded_at     TIMESTAMPTZ  NOT NULL,
    recorded_by     VARCHAR(200) NOT NULL,
    PRIMARY KEY (indicator_code, region_code, period, area, version)
);
