// Links entities to events that both existed before this transaction (one relationship per entity, event
// and role), appending every article's provenance, as load-participants.cypher does one article at a time.
// Links to an entity or event created in this transaction go through bulk-participants-new.cypher.
// Ends, articles and sentences are indexes (see bulk-mentions.cypher and bulk-events.cypher).
// params: $participants LIST<MAP {entity index, event index, role, articles LIST<index>, evidence LIST<index>, confidence FLOAT}>, $articleIds LIST<STRING>, $sentences LIST<STRING>, $entityNodes LIST<STRING>, $eventNodes LIST<STRING>
// returns: written INTEGER
UNWIND $participants AS row
MATCH (e:Entity) WHERE elementId(e) = $entityNodes[toInteger(row.entity)]
MATCH (ev:Event) WHERE elementId(ev) = $eventNodes[toInteger(row.event)]
MERGE (e)-[p:PARTICIPATES_IN {role: row.role}]->(ev)
  ON CREATE SET p.articleIds = [], p.evidence = []
SET p.articleIds = p.articleIds + [id IN [a IN row.articles | $articleIds[toInteger(a)]] WHERE NOT id IN p.articleIds],
    p.evidence = reduce(acc = p.evidence, s IN row.evidence |
      CASE WHEN $sentences[toInteger(s)] IN acc THEN acc ELSE acc + $sentences[toInteger(s)] END),
    p.confidence = CASE WHEN p.confidence IS NULL OR row.confidence > p.confidence THEN row.confidence ELSE p.confidence END
RETURN count(p) AS written
