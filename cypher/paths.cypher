// All shortest paths between two nodes over fact relationships (not through articles' MENTIONS, which would
// connect everything in two hops), using only the types in $relTypes. The pattern keeps the static list so the
// search walks only those types; the predicate on every relationship is evaluated during the search.
// The search runs to 6 hops, the hard limit; $maxDepth cuts it shorter.
// params: $from STRING, $to STRING, $maxDepth INTEGER (1..6), $relTypes LIST<STRING>, $limit INTEGER
// returns: nodeIds LIST<STRING>, edges LIST<MAP {id, type, source, target, support, confidence, props}> (one row per path)
CALL {
  MATCH (n:Entity {id: $from}) RETURN n AS a
  UNION
  MATCH (n:Event {id: $from}) RETURN n AS a
  UNION
  MATCH (n:Article {id: $from}) RETURN n AS a
}
CALL {
  MATCH (n:Entity {id: $to}) RETURN n AS b
  UNION
  MATCH (n:Event {id: $to}) RETURN n AS b
  UNION
  MATCH (n:Article {id: $to}) RETURN n AS b
}
MATCH p = allShortestPaths((a)-[:EMPLOYED_BY|FORMERLY_AT|EDUCATED_AT|HEADS|MEMBER_OF|PART_OF|OWNS|ACQUIRES|SUPPLIES|PARTNERS_WITH|TRADES_WITH|SANCTIONS|REGULATES|SUES|MEETS|OPPOSES|LOCATED_IN|CO_MENTIONED|PARTICIPATES_IN|CITES*..6]-(b))
WHERE length(p) <= $maxDepth AND all(r IN relationships(p) WHERE type(r) IN $relTypes)
WITH p LIMIT $limit
RETURN [n IN nodes(p) | n.id] AS nodeIds,
       [r IN relationships(p) | {
         id: elementId(r), type: type(r), source: startNode(r).id, target: endNode(r).id,
         support: CASE WHEN r.articleIds IS NULL THEN 1 ELSE size(r.articleIds) END,
         confidence: r.confidence, props: r {.title, .since, .degree, .role, .weight, .count, .section}
       }] AS edges
