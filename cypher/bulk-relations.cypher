// Merges a bulk batch's typed entity-to-entity relationships between entities that existed before this
// transaction, one per from/type/to, appending every article's provenance as load-relations.cypher does one
// article at a time (later articles' properties win). Relations with an end created in this transaction
// cannot exist yet and go through bulk-relations-new.cypher instead.
// The type is dynamic but only from the allow-list (load/batch.ts validates it against RELATION_TYPES).
// params: $relations LIST<MAP {from STRING, to STRING (element ids from bulk-entities), fromId, type, toId,
//   articleIds LIST<STRING>, evidence LIST<STRING>, confidence FLOAT, props MAP}>
// returns: fromId STRING, type STRING, toId STRING, created BOOLEAN (one row per relation)
UNWIND $relations AS row
MATCH (s:Entity) WHERE elementId(s) = row.from
MATCH (t:Entity) WHERE elementId(t) = row.to
// A dynamic type (Neo4j 5.26) rather than apoc.merge.relationship: 12x faster on 3,000 rows (BENCHMARKS.md),
// and MERGE locks both nodes before creating, so concurrent loads cannot duplicate a relationship.
MERGE (s)-[rel:$(row.type)]->(t)
  ON CREATE SET rel.articleIds = [], rel.evidence = []
// Every stored relationship names at least one article, so an empty list means MERGE just created it.
WITH row, rel, size(rel.articleIds) = 0 AS created
SET rel += row.props
SET rel.articleIds = rel.articleIds + [id IN row.articleIds WHERE NOT id IN rel.articleIds],
    rel.evidence = reduce(acc = rel.evidence, sentence IN row.evidence |
      CASE WHEN sentence IN acc THEN acc ELSE acc + sentence END),
    rel.confidence = CASE WHEN rel.confidence IS NULL OR row.confidence > rel.confidence THEN row.confidence ELSE rel.confidence END
SET rel.weight = CASE WHEN row.type = 'CO_MENTIONED' THEN size(rel.evidence) ELSE rel.weight END
RETURN row.fromId AS fromId, row.type AS type, row.toId AS toId, created
