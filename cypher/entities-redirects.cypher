// Which of the given entity ids were merged away, and into which entity (mergeEntities records them in
// `mergedIds`), so a later article that still yields the old id lands on the kept node.
// params: $ids LIST<STRING>
// returns: fromId STRING, toId STRING
MATCH (e:Entity) WHERE e.mergedIds IS NOT NULL
UNWIND e.mergedIds AS merged
WITH e, merged WHERE merged IN $ids
RETURN merged AS fromId, e.id AS toId
