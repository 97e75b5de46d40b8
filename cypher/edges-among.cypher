// The relationships between a set of nodes (GraphEdge), optionally only of some types.
// support = number of distinct articles behind the edge (1 for an article's own MENTIONS/REPORTS/CITES).
// params: $ids LIST<STRING>, $relTypes LIST<STRING> (empty = all), $limit INTEGER
// returns: id STRING, type STRING, source STRING, target STRING, support INTEGER, confidence FLOAT, props MAP
UNWIND $ids AS sid
CALL {
  WITH sid
  MATCH (s:Entity {id: sid}) RETURN s
  UNION
  WITH sid
  MATCH (s:Event {id: sid}) RETURN s
  UNION
  WITH sid
  MATCH (s:Article {id: sid}) RETURN s
}
// Membership by node, not by reading every far end's id: 187 -> 92 ms for 200 hubs at 10^5 entities.
WITH collect(s) AS nodes
UNWIND nodes AS s
MATCH (s)-[r]->(t)
WHERE t IN nodes AND (size($relTypes) = 0 OR type(r) IN $relTypes)
RETURN elementId(r) AS id, type(r) AS type, s.id AS source, t.id AS target,
       CASE WHEN r.articleIds IS NULL THEN 1 ELSE size(r.articleIds) END AS support,
       r.confidence AS confidence, r {.title, .since, .degree, .role, .weight, .count, .section} AS props
LIMIT $limit
