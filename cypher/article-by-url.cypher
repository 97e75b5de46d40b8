// Finds an already loaded article by its (canonical) URL: the same page reached by another address is unchanged.
// params: $url STRING
// returns: id STRING, title STRING
MATCH (a:Article {url: $url})
RETURN a.id AS id, a.title AS title
LIMIT 1
