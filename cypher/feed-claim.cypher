// Takes the lease on the next feed due for a poll, so that of several servers on one Neo4j only one polls it. The
// first SET takes the node's write lock; the lease is then checked again under that lock, so of two concurrent
// claims the second sees the first's lease and returns nothing. Times are the database's clock (timestamp(), ms),
// so servers whose clocks differ still agree.
// params: $owner STRING, $leaseMs INTEGER, $urls LIST<STRING> (null: any feed), $exclude LIST<STRING> (polled this round)
// returns: url STRING, etag STRING, lastModified STRING, loadedLinks LIST<STRING>
MATCH (f:Feed)
WHERE f.nextPollAt <= timestamp()
  AND (f.leaseUntil IS NULL OR f.leaseUntil < timestamp())
  AND ($urls IS NULL OR f.url IN $urls)
  AND NOT f.url IN $exclude
WITH f ORDER BY f.nextPollAt LIMIT 1
SET f.leaseClaim = $owner
WITH f
WHERE f.nextPollAt <= timestamp() AND (f.leaseUntil IS NULL OR f.leaseUntil < timestamp())
SET f.leaseOwner = $owner, f.leaseUntil = timestamp() + $leaseMs
RETURN f.url AS url, f.etag AS etag, f.lastModified AS lastModified, coalesce(f.loadedLinks, []) AS loadedLinks
