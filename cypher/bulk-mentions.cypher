// Links each new article of a bulk batch to the entities it mentions, with the per-article mention count.
// Both ends were written earlier in the same transaction: the rows are three parallel lists of numbers, the
// first two indexes into the element ids that bulk-articles-create and bulk-entities returned (no index seek,
// and a mention costs three numbers on the wire instead of a map of two ids). Numbers arrive as floats (the
// JavaScript driver's numbers), hence toInteger.
// params: $articles LIST<index>, $entities LIST<index>, $counts LIST<number> (parallel), $articleNodes LIST<STRING>, $entityNodes LIST<STRING> (element ids)
// returns: created INTEGER
UNWIND range(0, size($articles) - 1) AS i
MATCH (a:Article) WHERE elementId(a) = $articleNodes[toInteger($articles[i])]
MATCH (e:Entity) WHERE elementId(e) = $entityNodes[toInteger($entities[i])]
CREATE (a)-[:MENTIONS {count: toInteger($counts[i])}]->(e)
RETURN count(*) AS created
