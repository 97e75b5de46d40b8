// Benchmark graph generator: typed entity-to-entity relationships with provenance (rows are unique per from/type/to).
// params: $rows LIST<MAP {fromId, type, toId, articleIds LIST<STRING>, evidence LIST<STRING>, confidence FLOAT, weight INTEGER}>
// returns: created INTEGER
UNWIND $rows AS row
MATCH (s:Entity {id: row.fromId})
MATCH (t:Entity {id: row.toId})
CREATE (s)-[r:$(row.type) {articleIds: row.articleIds, evidence: row.evidence, confidence: row.confidence}]->(t)
SET r.weight = CASE WHEN row.type = 'CO_MENTIONED' THEN row.weight ELSE null END
RETURN count(r) AS created
