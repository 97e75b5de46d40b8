// Links entities to the events they take part in (one relationship per entity, event and role), appending
// every article's provenance, as load-participants.cypher does one article at a time.
// params: $participants LIST<MAP {eventId, entityId, role, articleIds LIST<STRING>, evidence LIST<STRING>, confidence FLOAT}>
// returns: written INTEGER
UNWIND $participants AS row
MATCH (e:Entity {id: row.entityId})
MATCH (ev:Event {id: row.eventId})
MERGE (e)-[p:PARTICIPATES_IN {role: row.role}]->(ev)
  ON CREATE SET p.articleIds = [], p.evidence = []
SET p.articleIds = p.articleIds + [id IN row.articleIds WHERE NOT id IN p.articleIds],
    p.evidence = reduce(acc = p.evidence, sentence IN row.evidence |
      CASE WHEN sentence IN acc THEN acc ELSE acc + sentence END),
    p.confidence = CASE WHEN p.confidence IS NULL OR row.confidence > p.confidence THEN row.confidence ELSE p.confidence END
RETURN count(p) AS written
