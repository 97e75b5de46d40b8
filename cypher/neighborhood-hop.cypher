// One breadth-first hop of the neighbourhood: the unvisited neighbours of the frontier, facts first. A neighbour
// tied by a typed relationship (anything but CO_MENTIONED) comes before one only co-mentioned with the frontier;
// then more supporting articles first, then heavier (more mentioned) nodes. With $followCoMentions false the
// co-mention-only neighbours are left out and counted, so the canvas can say how many it did not draw.
// Weights are degree look-ups (see nodes-by-ids.cypher): 149 -> 78 ms for a hub's 16,000 neighbours.
// params: $frontier LIST<STRING>, $visited LIST<STRING>, $labels LIST<STRING> (empty = all), $relTypes LIST<STRING> (empty = all), $followCoMentions BOOLEAN, $limit INTEGER
// returns: total INTEGER (neighbours kept), ids LIST<STRING> (at most $limit), coMentionOnly INTEGER (left out)
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
WITH n, type(r) <> 'CO_MENTIONED' AS typed, CASE WHEN r.articleIds IS NULL THEN 1 ELSE size(r.articleIds) END AS support
WITH n, max(CASE WHEN typed THEN 1 ELSE 0 END) AS typed,
     sum(CASE WHEN typed THEN support ELSE 0 END) AS factSupport, sum(support) AS anySupport
WITH n, typed, CASE WHEN typed = 1 THEN factSupport ELSE anySupport END AS support,
     CASE WHEN n:Entity THEN COUNT { ()-[:MENTIONS]->(n) }
          WHEN n:Event THEN COUNT { ()-[:REPORTS]->(n) }
          ELSE 1 END AS weight
ORDER BY typed DESC, support DESC, weight DESC, n.id
WITH collect(CASE WHEN typed = 1 OR $followCoMentions THEN n.id END) AS ids,
     sum(CASE WHEN typed = 0 AND NOT $followCoMentions THEN 1 ELSE 0 END) AS coMentionOnly
RETURN size(ids) AS total, ids[0..$limit] AS ids, coMentionOnly
