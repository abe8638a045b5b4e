-- An approval step finds the series with a value in its unit (a period, a region's subtree): by
-- period and region range, without reading the region's other periods.
CREATE INDEX fact_period_region_idx ON fact (period, region_code);
