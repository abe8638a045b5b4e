-- An INDICATOR task's figure as report-service last reported it for the task's region and year:
-- the indicator's actual value, its target, the progress towards it (0–100) and the month it is as of.
ALTER TABLE task ADD COLUMN figure_actual NUMERIC;
ALTER TABLE task ADD COLUMN figure_target NUMERIC;
ALTER TABLE task ADD COLUMN figure_progress NUMERIC;
ALTER TABLE task ADD COLUMN figure_as_of VARCHAR(7);
