-- The region replica moved to platform-common's db/regions (region_replica), shared with
-- indicator-service.
DROP TABLE region;
