// Benchmark graph generator: (Entity)-[:PARTICIPATES_IN {role}]->(Event) with provenance.
// params: $rows LIST<MAP {entityId, eventId, role, articleIds LIST<STRING>, evidence LIST<STRING>, confidence FLOAT}>
// returns: created INTEGER
UNWIND $rows AS row
MATCH (e:Entity {id: row.entityId})
MATCH (ev:Event {id: row.eventId})
CREATE (e)-[:PARTICIPATES_IN {role: row.role, articleIds: row.articleIds, evidence: row.evidence, confidence: row.confidence}]->(ev)
RETURN count(*) AS created
