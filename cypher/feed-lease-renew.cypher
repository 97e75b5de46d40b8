// Extends a lease its owner still holds, during a long poll (one item per second on a big feed). The first SET takes
// the node's write lock, so the owner is checked against the committed lease, not one released meanwhile.
// params: $url STRING, $owner STRING, $leaseMs INTEGER
// returns: renewed INTEGER
MATCH (f:Feed {url: $url})
SET f.leaseClaim = $owner
WITH f
WHERE f.leaseOwner = $owner
SET f.leaseUntil = timestamp() + $leaseMs
RETURN count(f) AS renewed
