-- Where a village lies (village-service's registered coordinates), for the dashboard's village map;
-- null for divisions. A replica made before this learns them when the villages' events are read
-- again (a rebuild) or the villages change.
ALTER TABLE region_replica ADD COLUMN latitude NUMERIC(9, 6);
ALTER TABLE region_replica ADD COLUMN longitude NUMERIC(9, 6);
