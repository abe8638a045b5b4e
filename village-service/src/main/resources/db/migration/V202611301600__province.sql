-- A province is optional above its cities: a city registered without it is a root of the tree, and
-- takes it as parent once it is registered.
ALTER TABLE division DROP CONSTRAINT division_level_check;
ALTER TABLE division ADD CONSTRAINT division_level_check CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP'));
