// Links each new article of a bulk batch to the media it cites, with that article's provenance (both ends
// found by the element ids returned earlier in the same transaction).
// params: $citations LIST<MAP {article STRING (element id), entity STRING (element id), articleId STRING, evidence LIST<STRING>, confidence FLOAT}>
// returns: created INTEGER
UNWIND $citations AS row
MATCH (a:Article) WHERE elementId(a) = row.article
MATCH (c:Entity) WHERE elementId(c) = row.entity
CREATE (a)-[r:CITES {articleIds: [row.articleId], evidence: row.evidence, confidence: row.confidence}]->(c)
RETURN count(r) AS created
