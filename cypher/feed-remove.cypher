// Stops watching a feed; the articles it loaded stay.
// params: $url STRING
// returns: removed INTEGER
OPTIONAL MATCH (f:Feed {url: $url})
DETACH DELETE f
RETURN count(f) AS removed
