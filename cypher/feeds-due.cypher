// Whether any feed is due and not leased: read first, so an idle poller's ticks never open a write transaction.
// params: $urls LIST<STRING> (null: any feed), $exclude LIST<STRING>
// returns: due INTEGER
MATCH (f:Feed)
WHERE f.nextPollAt <= timestamp()
  AND (f.leaseUntil IS NULL OR f.leaseUntil < timestamp())
  AND ($urls IS NULL OR f.url IN $urls)
  AND NOT f.url IN $exclude
RETURN count(f) AS due
