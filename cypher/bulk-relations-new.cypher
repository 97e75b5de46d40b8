// Creates a bulk batch's typed entity-to-entity relationships that have at least one end created in this
// transaction: no other transaction can see that node yet and the batch's rows are unique per
// from/type/to (server/ingest/load/bulk.ts folds them), so the relationship cannot exist and a plain CREATE
// gives what bulk-relations.cypher's MERGE would. Skipping MERGE matters most for a fresh graph's first batch:
// matching against relationships created earlier in the same transaction is a scan of every one of them.
// The type is dynamic but only from the allow-list (load/batch.ts validates it against RELATION_TYPES).
// Ends, articles and sentences are indexes (see bulk-mentions.cypher and bulk-events.cypher).
// params: $relations LIST<MAP {from index, to index, type, articles LIST<index>, evidence LIST<index>, confidence FLOAT, props MAP}>, $articleIds LIST<STRING>, $sentences LIST<STRING>, $entityNodes LIST<STRING>
// returns: created INTEGER
UNWIND $relations AS row
MATCH (s:Entity) WHERE elementId(s) = $entityNodes[toInteger(row.from)]
MATCH (t:Entity) WHERE elementId(t) = $entityNodes[toInteger(row.to)]
CREATE (s)-[rel:$(row.type)]->(t)
SET rel = row.props
SET rel.articleIds = [a IN row.articles | $articleIds[toInteger(a)]],
    rel.evidence = [i IN row.evidence | $sentences[toInteger(i)]],
    rel.confidence = row.confidence
// A co-mention's weight is the number of distinct sentences naming both (rows carry them unique).
SET rel.weight = CASE WHEN row.type = 'CO_MENTIONED' THEN size(row.evidence) ELSE rel.weight END
RETURN count(rel) AS created
