-- An INDICATOR task's progress report carries no figure (the indicator's is report-service's): a
-- note, evidence and milestones done.
ALTER TABLE progress_report ALTER COLUMN reached DROP NOT NULL;
