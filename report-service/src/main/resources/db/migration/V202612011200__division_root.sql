-- The roots of the division tree (divisions whose parent is not registered), kept as the tree
-- changes: the reports' default region is read from here on every request, not found by an
-- anti-join over the divisions (1,559 of them in a three-city province: 4 to 10 ms a request).
CREATE TABLE division_root (
    code VARCHAR(12) PRIMARY KEY
);

INSERT INTO division_root (code)
SELECT r.code FROM region_replica r
WHERE r.level <> 'VILLAGE' AND r.active
  AND NOT EXISTS (SELECT 1 FROM region_replica p WHERE p.code = r.parent_code AND p.level <> 'VILLAGE' AND p.active);
