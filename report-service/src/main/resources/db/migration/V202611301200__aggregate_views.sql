-- Both views of every aggregate row (DESIGN.md §5): ALL counts every value as reported, OFFICIAL
-- only those an approved unit covers. approved counts the reporters whose values behind the row are
-- all approved (in ALL: the figure's approved share is approved / reporters). Rows kept before this
-- are the ALL view with nothing approved; a rebuild (POST /api/v1/admin/rebuild) fills in the rest.
ALTER TABLE aggregate
    ADD COLUMN view     VARCHAR(8) NOT NULL DEFAULT 'ALL',
    ADD COLUMN approved BIGINT     NOT NULL DEFAULT 0;
ALTER TABLE aggregate ALTER COLUMN view DROP DEFAULT;
ALTER TABLE aggregate DROP CONSTRAINT aggregate_pkey;
ALTER TABLE aggregate ADD PRIMARY KEY (indicator_code, year, month, area, region_code, view);
