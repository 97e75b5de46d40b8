// The text hashes of every loaded article (the bulk loader skips those files before extracting them).
// params: none
// returns: sha256 STRING (one row per article)
MATCH (a:Article)
RETURN a.sha256 AS sha256
