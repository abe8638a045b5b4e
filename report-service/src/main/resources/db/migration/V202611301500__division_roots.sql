-- The reports' default region is the tree's only root (a division whose parent is not registered):
-- found among the divisions alone, not by scanning every village.
CREATE INDEX region_replica_divisions_idx ON region_replica (code) WHERE level <> 'VILLAGE' AND active;
