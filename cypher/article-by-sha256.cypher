// Finds an already loaded article by the hash of its cleaned text (idempotent loading).
// params: $sha256 STRING
// returns: id STRING, title STRING
MATCH (a:Article {sha256: $sha256})
RETURN a.id AS id, a.title AS title
LIMIT 1
