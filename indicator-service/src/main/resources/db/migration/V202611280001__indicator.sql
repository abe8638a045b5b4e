-- The indicator catalogue (DESIGN.md §5).
CREATE TABLE indicator (
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
    valid_min    NUMERIC,
    valid_max    NUMERIC,
    description  TEXT,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);
