// Links entities to the events they take part in, one relationship per (entity, event, role), with provenance.
// params: $articleId STRING, $participants LIST<MAP {eventId, entityId, role, evidence LIST<STRING>, confidence FLOAT}>
// returns: written INTEGER
UNWIND $participants AS row
MATCH (e:Entity {id: row.entityId}), (ev:Event {id: row.eventId})
MERGE (e)-[p:PARTICIPATES_IN {role: row.role}]->(ev)
  ON CREATE SET p.articleIds = [], p.evidence = []
SET p.articleIds = CASE WHEN $articleId IN p.articleIds THEN p.articleIds ELSE p.articleIds + $articleId END,
    p.evidence = reduce(acc = p.evidence, sentence IN row.evidence |
      CASE WHEN sentence IN acc THEN acc ELSE acc + sentence END),
    p.confidence = CASE WHEN p.confidence IS NULL OR row.confidence > p.confidence THEN row.confidence ELSE p.confidence END
RETURN count(p) AS written
