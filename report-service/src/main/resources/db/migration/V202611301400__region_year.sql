-- The default as-of month per region (replacing one per year for the whole projection): the last
-- month covered by a monthly or quarterly value in the region's subtree, so a second city with
-- values up to June is reported as of June whatever the first one has.
CREATE TABLE region_year (
    region_code   VARCHAR(12) NOT NULL,
    year          INTEGER     NOT NULL,
    latest_month  SMALLINT    NOT NULL,
    PRIMARY KEY (region_code, year)
);

-- Each fact's region and every division above it (the code cut to each level's digits).
INSERT INTO region_year (region_code, year, latest_month)
SELECT rpad(substr(f.region_code, 1, levels.digits), 12, '0'), f.year,
       max(CASE WHEN f.period LIKE '%Q%' THEN 3 * CAST(substr(f.period, 6, 1) AS int)
                ELSE CAST(substr(f.period, 6, 2) AS int) END)
FROM fact f, (VALUES (2), (4), (6), (9), (12)) AS levels (digits)
WHERE length(f.period) > 4 AND rtrim(substr(f.region_code, 1, levels.digits), '0') <> ''
GROUP BY 1, 2;

DROP TABLE report_year;
