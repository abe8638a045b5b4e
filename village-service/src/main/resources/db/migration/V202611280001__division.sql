-- Administrative divisions above the village (DESIGN.md §2): city, county, township.
CREATE TABLE division (
    code           VARCHAR(12)  PRIMARY KEY CHECK (code ~ '^[0-9]{12}$'),
    level          VARCHAR(10)  NOT NULL CHECK (level IN ('CITY', 'COUNTY', 'TOWNSHIP')),
    parent_code    VARCHAR(12)  REFERENCES division (code),
    name_zh        VARCHAR(100) NOT NULL,
    name_en        VARCHAR(200),
    county_class   VARCHAR(12)  CHECK (county_class IN ('LEAD', 'ADVANCE', 'STRENGTHEN')),
    urban_district BOOLEAN      NOT NULL DEFAULT FALSE,
    population     INTEGER      CHECK (population >= 0),
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);

CREATE INDEX division_parent_idx ON division (parent_code);
