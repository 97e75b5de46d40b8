// One breadth-first hop of the neighbourhood: the unvisited neighbours of the frontier, heaviest first.
// Returns how many there are in total, so the caller can say how many were cut by the limit.
// Weights are degree look-ups (see nodes-by-ids.cypher): 149 -> 78 ms for a hub's 16,000 neighbours.
// params: $frontier LIST<STRING>, $visited LIST<STRING>, $labels LIST<STRING> (empty = all), $relTypes LIST<STRING> (empty = all), $limit INTEGER
// returns: total INTEGER, ids LIST<STRING> (at most $limit)
UNWIND $frontier AS fid
CALL {
  WITH fid
  MATCH (s:Entity {id: fid}) RETURN s
  UNION
  WITH fid
  MATCH (s:Event {id: fid}) RETURN s
  UNION
  WITH fid
  MATCH (s:Article {id: fid}) RETURN s
}
MATCH (s)-[r]-(n)
WHERE (size($relTypes) = 0 OR type(r) IN $relTypes)
  AND (size($labels) = 0 OR any(l IN labels(n) WHERE l IN $labels))
  AND NOT n.id IN $visited
WITH DISTINCT n
WITH n, CASE WHEN n:Entity THEN COUNT { ()-[:MENTIONS]->(n) }
             WHEN n:Event THEN COUNT { ()-[:REPORTS]->(n) }
             ELSE 1 END AS weight
ORDER BY weight DESC, n.id
WITH collect(n.id) AS ids
RETURN size(ids) AS total, ids[0..$limit] AS ids
