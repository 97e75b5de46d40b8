// Merges typed entity-to-entity relationships (one per from/type/to) and appends this article's provenance.
// The type is dynamic but only from the allow-list: load/ validates it against RELATION_TYPES before this runs.
// Rows are unique per (fromId, type, toId); symmetric types arrive with fromId < toId.
// params: $articleId STRING, $relations LIST<MAP {fromId, type, toId, evidence LIST<STRING>, confidence FLOAT, props MAP}>
// returns: created BOOLEAN (one row per relation whose endpoints exist)
UNWIND $relations AS row
MATCH (s:Entity {id: row.fromId})
MATCH (t:Entity {id: row.toId})
// The code runs this once per type with $(row.type) made static (QueryRunner.runWithRelationType): with a
// dynamic type, Expand(Into) walks every relationship of the smaller end before filtering by type.
// MERGE locks both nodes before creating, so concurrent loads cannot duplicate a relationship.
MERGE (s)-[rel:$(row.type)]->(t)
  ON CREATE SET rel.articleIds = [], rel.evidence = []
// Every stored relationship names at least one article, so an empty list means MERGE just created it.
WITH row, rel, size(rel.articleIds) = 0 AS created, rel.section AS section
SET rel += row.props
// section 'related' marks a fact read only from "Læs også" headlines: it stays only while every article's support
// carries it (withRelatedMark in server/model.ts); setting null removes it.
SET rel.section = CASE WHEN row.props.section = 'related' AND (created OR section = 'related') THEN 'related' END
SET rel.articleIds = CASE WHEN $articleId IN rel.articleIds THEN rel.articleIds ELSE rel.articleIds + $articleId END,
    rel.evidence = reduce(acc = rel.evidence, sentence IN row.evidence |
      CASE WHEN sentence IN acc THEN acc ELSE acc + sentence END),
    rel.confidence = CASE WHEN rel.confidence IS NULL OR row.confidence > rel.confidence THEN row.confidence ELSE rel.confidence END
// A co-mention's weight is the number of distinct sentences naming both, so it stays right after deletes.
SET rel.weight = CASE WHEN row.type = 'CO_MENTIONED' THEN size(rel.evidence) ELSE rel.weight END
RETURN created
