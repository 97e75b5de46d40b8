// Merges typed entity-to-entity relationships (one per from/type/to) and appends this article's provenance.
// The type is dynamic but only from the allow-list: load/ validates it against RELATION_TYPES before this runs.
// Rows are unique per (fromId, type, toId); symmetric types arrive with fromId < toId.
// params: $articleId STRING, $relations LIST<MAP {fromId, type, toId, evidence LIST<STRING>, confidence FLOAT, props MAP}>
// returns: created BOOLEAN (one row per relation whose endpoints exist)
UNWIND $relations AS row
MATCH (s:Entity {id: row.fromId}), (t:Entity {id: row.toId})
OPTIONAL MATCH (s)-[old]->(t) WHERE type(old) = row.type
WITH s, t, row, count(old) = 0 AS created
CALL apoc.merge.relationship(s, row.type, {}, {articleIds: [], evidence: []}, t, {}) YIELD rel
SET rel += row.props
SET rel.articleIds = CASE WHEN $articleId IN rel.articleIds THEN rel.articleIds ELSE rel.articleIds + $articleId END,
    rel.evidence = reduce(acc = rel.evidence, sentence IN row.evidence |
      CASE WHEN sentence IN acc THEN acc ELSE acc + sentence END),
    rel.confidence = CASE WHEN rel.confidence IS NULL OR row.confidence > rel.confidence THEN row.confidence ELSE rel.confidence END
// A co-mention's weight is the number of distinct sentences naming both, so it stays right after deletes.
SET rel.weight = CASE WHEN row.type = 'CO_MENTIONED' THEN size(rel.evidence) ELSE rel.weight END
RETURN created
