-- Who recorded each fact's current value, when, and the value it replaced: what a bulletin's
-- "changes since" names for a figure that moved after publication.
ALTER TABLE fact
    ADD COLUMN recorded_by    VARCHAR(200),
    ADD COLUMN recorded_at    TIMESTAMPTZ,
    ADD COLUMN replaced_value NUMERIC;

CREATE INDEX fact_recorded_at_idx ON fact (indicator_code, recorded_at);
