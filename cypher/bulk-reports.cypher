// Links each new article of a bulk batch to the events it reports. The rows are two parallel lists of indexes
// into the element ids that bulk-articles-create and bulk-events returned in the same transaction (see
// bulk-mentions.cypher).
// params: $articles LIST<index>, $events LIST<index> (parallel), $articleNodes LIST<STRING>, $eventNodes LIST<STRING>
// returns: created INTEGER
UNWIND range(0, size($articles) - 1) AS i
MATCH (a:Article) WHERE elementId(a) = $articleNodes[toInteger($articles[i])]
MATCH (ev:Event) WHERE elementId(ev) = $eventNodes[toInteger($events[i])]
CREATE (a)-[:REPORTS]->(ev)
RETURN count(*) AS created
