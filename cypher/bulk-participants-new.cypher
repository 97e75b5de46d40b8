// Links entities to events where the entity or the event was created in this transaction: such a link cannot
// exist yet (see bulk-relations-new.cypher), so a plain CREATE gives what bulk-participants.cypher's MERGE would.
// params: $participants LIST<MAP {entity STRING, event STRING (element ids), role, articleIds LIST<STRING>, evidence LIST<STRING>, confidence FLOAT}>
// returns: written INTEGER
UNWIND $participants AS row
MATCH (e:Entity) WHERE elementId(e) = row.entity
MATCH (ev:Event) WHERE elementId(ev) = row.event
CREATE (e)-[p:PARTICIPATES_IN {role: row.role, articleIds: row.articleIds, evidence: row.evidence, confidence: row.confidence}]->(ev)
RETURN count(p) AS written
