// Links entities to events that both existed before this transaction (one relationship per entity, event
// and role), appending every article's provenance, as load-participants.cypher does one article at a time.
// Links to an entity or event created in this transaction go through bulk-participants-new.cypher.
// params: $participants LIST<MAP {entity STRING, event STRING (element ids), role, articleIds LIST<STRING>, evidence LIST<STRING>, confidence FLOAT}>
// returns: written INTEGER
UNWIND $participants AS row
MATCH (e:Entity) WHERE elementId(e) = row.entity
MATCH (ev:Event) WHERE elementId(ev) = row.event
MERGE (e)-[p:PARTICIPATES_IN {role: row.role}]->(ev)
  ON CREATE SET p.articleIds = [], p.evidence = []
SET p.articleIds = p.articleIds + [id IN row.articleIds WHERE NOT id IN p.articleIds],
    p.evidence = reduce(acc = p.evidence, sentence IN row.evidence |
      CASE WHEN sentence IN acc THEN acc ELSE acc + sentence END),
    p.confidence = CASE WHEN p.confidence IS NULL OR row.confidence > p.confidence THEN row.confidence ELSE p.confidence END
RETURN count(p) AS written
