-- Every write, with who made it and the state before and after (DESIGN.md §7).
CREATE TABLE audit_entry (
    id             BIGSERIAL    PRIMARY KEY,
    aggregate_type VARCHAR(50)  NOT NULL,
    aggregate_key  VARCHAR(300) NOT NULL,
    action         VARCHAR(50)  NOT NULL,
    actor          VARCHAR(200) NOT NULL,
    at             TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    before         JSONB,
    after          JSONB
);

CREATE INDEX audit_entry_aggregate_idx ON audit_entry (aggregate_type, aggregate_key, id);
