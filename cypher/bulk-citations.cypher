// Links each new article of a bulk batch to the media it cites, with that article's provenance.
// params: $citations LIST<MAP {articleId, toId, evidence LIST<STRING>, confidence FLOAT}>
// returns: created INTEGER
UNWIND $citations AS row
MATCH (a:Article {id: row.articleId})
MATCH (c:Entity {id: row.toId})
CREATE (a)-[r:CITES {articleIds: [row.articleId], evidence: row.evidence, confidence: row.confidence}]->(c)
RETURN count(r) AS created
