-- The village profile fields that coverage reports count (category, plan type, pilot programmes);
-- null for divisions.
ALTER TABLE region_replica ADD COLUMN category VARCHAR(16);
ALTER TABLE region_replica ADD COLUMN plan_type VARCHAR(16);
ALTER TABLE region_replica ADD COLUMN pilots VARCHAR(32)[];
