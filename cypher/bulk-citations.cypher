// Links each new article of a bulk batch to the media it cites, with that article's provenance. Ends and
// sentences are indexes (see bulk-mentions.cypher and bulk-events.cypher).
// params: $citations LIST<MAP {article index, entity index, evidence LIST<index>, confidence FLOAT}>, $articleIds LIST<STRING>, $sentences LIST<STRING>, $articleNodes LIST<STRING>, $entityNodes LIST<STRING>
// returns: created INTEGER
UNWIND $citations AS row
MATCH (a:Article) WHERE elementId(a) = $articleNodes[toInteger(row.article)]
MATCH (c:Entity) WHERE elementId(c) = $entityNodes[toInteger(row.entity)]
CREATE (a)-[r:CITES {articleIds: [$articleIds[toInteger(row.article)]], evidence: [s IN row.evidence | $sentences[toInteger(s)]], confidence: row.confidence}]->(c)
RETURN count(r) AS created
