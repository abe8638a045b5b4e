-- The village registry (DESIGN.md §2). Villages are retired, never deleted: a code stays reserved.
CREATE TABLE village (
    code                  VARCHAR(12)   PRIMARY KEY CHECK (code ~ '^[0-9]{12}$'),
    township_code         VARCHAR(12)   NOT NULL REFERENCES division (code),
    name_zh               VARCHAR(100)  NOT NULL,
    name_en               VARCHAR(200),
    category              VARCHAR(16)   NOT NULL,
    plan_type             VARCHAR(16)   NOT NULL,
    belts                 VARCHAR(32)[] NOT NULL DEFAULT '{}',
    pilots                VARCHAR(32)[] NOT NULL DEFAULT '{}',
    registered_population INTEGER       CHECK (registered_population >= 0),
    resident_population   INTEGER       CHECK (resident_population >= 0),
    households            INTEGER       CHECK (households >= 0),
    area_km2              NUMERIC(10,3) CHECK (area_km2 >= 0),
    arable_land_mu        NUMERIC(12,2) CHECK (arable_land_mu >= 0),
    latitude              NUMERIC(9,6)  CHECK (latitude BETWEEN -90 AND 90),
    longitude             NUMERIC(9,6)  CHECK (longitude BETWEEN -180 AND 180),
    status                VARCHAR(8)    NOT NULL,
    active_from           DATE          NOT NULL,
    retired_on            DATE,
    version               BIGINT        NOT NULL,
    created_at            TIMESTAMPTZ   NOT NULL,
    updated_at            TIMESTAMPTZ   NOT NULL
);

CREATE INDEX village_township_idx ON village (township_code);
-- County filter: code LIKE '449901%'.
CREATE INDEX village_code_prefix_idx ON village (code text_pattern_ops);
CREATE INDEX village_category_idx ON village (category);
