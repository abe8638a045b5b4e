-- A closed year's part of the projection, copied when an admin closes the year, so that a rebuild
-- starts from it and replays only the open years' values and approval steps. The copies have their
-- tables' shape (a migration that changes fact, aggregate, approval_unit or region_year changes
-- its copy too: the rebuild copies rows back with SELECT *).
CREATE TABLE closed_year (
    year        INTEGER      PRIMARY KEY,
    closed_at   TIMESTAMPTZ  NOT NULL,
    closed_by   VARCHAR(200) NOT NULL,
    facts       BIGINT       NOT NULL,
    aggregates  BIGINT       NOT NULL,
    -- False once a value or an approval step of the year is applied after the close: the copy
    -- misses it, and a rebuild replays the year until it is closed again.
    current     BOOLEAN      NOT NULL
);

CREATE TABLE closed_fact (LIKE fact INCLUDING DEFAULTS);
CREATE INDEX closed_fact_year_idx ON closed_fact (year);
CREATE TABLE closed_aggregate (LIKE aggregate INCLUDING DEFAULTS);
CREATE INDEX closed_aggregate_year_idx ON closed_aggregate (year);
CREATE TABLE closed_approval_unit (LIKE approval_unit INCLUDING DEFAULTS);
CREATE INDEX closed_approval_unit_year_idx ON closed_approval_unit ((substr(period, 1, 4)));
CREATE TABLE closed_region_year (LIKE region_year INCLUDING DEFAULTS);
CREATE INDEX closed_region_year_year_idx ON closed_region_year (year);
