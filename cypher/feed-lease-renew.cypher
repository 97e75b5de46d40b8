// Extends a lease its owner still holds, during a long poll (one item per second on a big feed).
// params: $url STRING, $owner STRING, $leaseMs INTEGER
// returns: renewed INTEGER
MATCH (f:Feed {url: $url})
WHERE f.leaseOwner = $owner
SET f.leaseUntil = timestamp() + $leaseMs
RETURN count(f) AS renewed
