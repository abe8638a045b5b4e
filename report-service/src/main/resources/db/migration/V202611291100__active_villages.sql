-- Active villages at or below each division: the denominator of SHARE_TRUE, kept as villages come
-- and go rather than counted from region_replica at every read (a scan of every village for the city).
CREATE TABLE active_villages (
    region_code  VARCHAR(12)  PRIMARY KEY,
    villages     BIGINT       NOT NULL
);

INSERT INTO active_villages (region_code, villages)
SELECT region_code, count(*)
FROM (
    SELECT rpad(substr(code, 1, digits), 12, '0') AS region_code
    FROM region_replica, (VALUES (2), (4), (6), (9)) AS levels (digits)
    WHERE level = 'VILLAGE' AND active
) AS ancestors
GROUP BY region_code;
