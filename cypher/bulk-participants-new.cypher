// Links entities to events where the entity or the event was created in this transaction: such a link cannot
// exist yet (see bulk-relations-new.cypher), so a plain CREATE gives what bulk-participants.cypher's MERGE would.
// Ends, articles and sentences are indexes (see bulk-mentions.cypher and bulk-events.cypher).
// params: $participants LIST<MAP {entity index, event index, role, articles LIST<index>, evidence LIST<index>, confidence FLOAT}>, $articleIds LIST<STRING>, $sentences LIST<STRING>, $entityNodes LIST<STRING>, $eventNodes LIST<STRING>
// returns: written INTEGER
UNWIND $participants AS row
MATCH (e:Entity) WHERE elementId(e) = $entityNodes[toInteger(row.entity)]
MATCH (ev:Event) WHERE elementId(ev) = $eventNodes[toInteger(row.event)]
CREATE (e)-[p:PARTICIPATES_IN {role: row.role, confidence: row.confidence}]->(ev)
SET p.articleIds = [a IN row.articles | $articleIds[toInteger(a)]],
    p.evidence = [i IN row.evidence | $sentences[toInteger(i)]]
RETURN count(p) AS written
