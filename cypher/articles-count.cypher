// Number of articles, to decide whether to load the demo articles on first start.
// params: none
// returns: count INTEGER
MATCH (a:Article)
RETURN count(a) AS count
