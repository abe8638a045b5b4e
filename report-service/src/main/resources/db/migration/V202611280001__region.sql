-- report-service's own replica of the division tree, kept from bqw.divisions.v1, with the counts
-- that SHARE_TRUE and WEIGHTED_MEAN aggregate against (DESIGN.md §5).
CREATE TABLE region (
    code                  VARCHAR(12)  PRIMARY KEY,
    level                 VARCHAR(10)  NOT NULL,
    parent_code           VARCHAR(12),
    name_zh               VARCHAR(100) NOT NULL,
    county_class          VARCHAR(12),
    active_villages       INTEGER      NOT NULL DEFAULT 0,
    resident_population   BIGINT       NOT NULL DEFAULT 0,
    source_version        BIGINT       NOT NULL
);

CREATE INDEX region_parent_idx ON region (parent_code);
