// The relationships between a set of new nodes and the nodes already drawn (GraphEdge): what an expand adds to a
// canvas besides the edges among its own result. Walks only the new nodes' relationships, so a large canvas costs
// a membership test per relationship, not a scan of every drawn node's relationships.
// params: $ids LIST<STRING> (the new nodes), $drawn LIST<STRING> (already on the canvas), $relTypes LIST<STRING> (empty = all), $limit INTEGER
// returns: id STRING, type STRING, source STRING, target STRING, support INTEGER, confidence FLOAT, props MAP
UNWIND $drawn AS did
CALL {
  WITH did
  MATCH (d:Entity {id: did}) RETURN d
  UNION
  WITH did
  MATCH (d:Event {id: did}) RETURN d
  UNION
  WITH did
  MATCH (d:Article {id: did}) RETURN d
}
WITH collect(d) AS drawn
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
MATCH (s)-[r]-(t)
WHERE t IN drawn AND (size($relTypes) = 0 OR type(r) IN $relTypes)
WITH DISTINCT r
RETURN elementId(r) AS id, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target,
       CASE WHEN r.articleIds IS NULL THEN 1 ELSE size(r.articleIds) END AS support,
       r.confidence AS confidence, r {.title, .since, .degree, .role, .weight, .count, .section} AS props
LIMIT $limit
