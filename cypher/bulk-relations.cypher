// Merges a bulk batch's typed entity-to-entity relationships between entities that existed before this
// transaction, one per from/type/to, appending every article's provenance as load-relations.cypher does one
// article at a time (later articles' properties win). Relations with an end created in this transaction
// cannot exist yet and go through bulk-relations-new.cypher instead.
// The code runs this once per type with $(row.type) made static (QueryRunner.runWithRelationType): with a
// dynamic type, Expand(Into) walks every relationship of the smaller end before filtering by type.
// MERGE locks both nodes before creating, so concurrent loads cannot duplicate a relationship.
// Ends, articles and sentences are indexes (see bulk-mentions.cypher and bulk-events.cypher).
// params: $relations LIST<MAP {from index, to index, type (the one made static), articles LIST<index>, evidence LIST<index>, confidence FLOAT, props MAP}>, $articleIds LIST<STRING>, $sentences LIST<STRING>, $entityNodes LIST<STRING>
// returns: one row: created LIST<INTEGER> (the indexes into $relations of the relationships MERGE created)
UNWIND range(0, size($relations) - 1) AS i
WITH i, $relations[i] AS row
MATCH (s:Entity) WHERE elementId(s) = $entityNodes[toInteger(row.from)]
MATCH (t:Entity) WHERE elementId(t) = $entityNodes[toInteger(row.to)]
MERGE (s)-[rel:$(row.type)]->(t)
  ON CREATE SET rel.articleIds = [], rel.evidence = []
// Every stored relationship names at least one article, so an empty list means MERGE just created it.
WITH i, row, rel, size(rel.articleIds) = 0 AS created, rel.section AS section
SET rel += row.props
// The "Læs også" mark stays only while every support carries it, as in load-relations.cypher.
SET rel.section = CASE WHEN row.props.section = 'related' AND (created OR section = 'related') THEN 'related' END
SET rel.articleIds = rel.articleIds + [id IN [a IN row.articles | $articleIds[toInteger(a)]] WHERE NOT id IN rel.articleIds],
    rel.evidence = reduce(acc = rel.evidence, s IN row.evidence |
      CASE WHEN $sentences[toInteger(s)] IN acc THEN acc ELSE acc + $sentences[toInteger(s)] END),
    rel.confidence = CASE WHEN rel.confidence IS NULL OR row.confidence > rel.confidence THEN row.confidence ELSE rel.confidence END
SET rel.weight = CASE WHEN type(rel) = 'CO_MENTIONED' THEN size(rel.evidence) ELSE rel.weight END
RETURN collect(CASE WHEN created THEN i END) AS created
