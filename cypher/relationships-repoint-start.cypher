// Moves relationships that START at a merged-away entity onto the kept entity, keeping type and properties.
// params: $keepId STRING, $relIds LIST<STRING>
// returns: moved INTEGER
MATCH (keep:Entity {id: $keepId})
UNWIND $relIds AS relId
MATCH ()-[r]->() WHERE elementId(r) = relId
CALL apoc.refactor.from(r, keep) YIELD output
RETURN count(output) AS moved
