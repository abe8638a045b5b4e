-- Every report starts by finding the city: without this, a scan of every village in the replica.
CREATE INDEX region_replica_city_idx ON region_replica (code) WHERE level = 'CITY' AND active;
