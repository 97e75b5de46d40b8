// For a batch of articles about to be bulk-loaded: which are already loaded (same text hash) and which ids
// already belong to another text (an edited article, replaced through the one-article path instead).
// params: $articles LIST<MAP {id, sha256}>
// returns: id STRING, sha256 STRING, loadedId STRING (article with the same hash, or null), loadedTitle STRING, sameIdSha256 STRING (hash of the article holding the id, or null)
UNWIND $articles AS row
OPTIONAL MATCH (bySha:Article {sha256: row.sha256})
WITH row, head(collect(bySha)) AS loaded
OPTIONAL MATCH (byId:Article {id: row.id})
RETURN row.id AS id, row.sha256 AS sha256, loaded.id AS loadedId, loaded.title AS loadedTitle, byId.sha256 AS sameIdSha256
