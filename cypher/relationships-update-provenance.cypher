// Overwrites the given properties of relationships (merged provenance computed by mergeEntities).
// params: $updates LIST<MAP {relId STRING, properties MAP}>
// returns: updated INTEGER
UNWIND $updates AS u
MATCH ()-[r]->() WHERE elementId(r) = u.relId
SET r += u.properties
RETURN count(r) AS updated
