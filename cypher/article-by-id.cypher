// Finds an article by id, with its hash, to tell "same article" from "edited article with the same id".
// params: $id STRING
// returns: id STRING, title STRING, sha256 STRING
MATCH (a:Article {id: $id})
RETURN a.id AS id, a.title AS title, a.sha256 AS sha256
