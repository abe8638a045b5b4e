-- Aggregate rows in parts (issue #21, DESIGN.md §10): what a live consumer of the observations adds
-- to the divisions above a value's region goes into the part of the value's topic partition
-- (partition + 1), so consumers sharing the topic never write, nor wait on, the same row. Part 0
-- holds the rest: a region's own row, approvals, weights, recomputations. A row is the sum of its
-- parts; every read adds them up.
ALTER TABLE aggregate ADD COLUMN part SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE aggregate DROP CONSTRAINT aggregate_pkey;
ALTER TABLE aggregate ADD PRIMARY KEY (indicator_code, year, month, area, region_code, view, part);
