-- A consuming service's replica of the division tree and the village registry, kept from
-- bqw.divisions.v1 (DESIGN.md §3: no service reads another's database). Villages are regions too:
-- their parent is their township and they are active until retired.
CREATE TABLE region_replica (
    code             VARCHAR(12)  PRIMARY KEY,
    level            VARCHAR(10)  NOT NULL,
    parent_code      VARCHAR(12),
    name_zh          VARCHAR(100) NOT NULL,
    county_class     VARCHAR(12),
    urban_district   BOOLEAN      NOT NULL DEFAULT FALSE,
    population       BIGINT,
    active           BOOLEAN      NOT NULL,
    source_version   BIGINT       NOT NULL
);

CREATE INDEX region_replica_parent_idx ON region_replica (parent_code);
