// Deletes relationships by element id (duplicates left over when merging entities).
// params: $relIds LIST<STRING>
// returns: deleted INTEGER
UNWIND $relIds AS relId
MATCH ()-[r]->() WHERE elementId(r) = relId
DELETE r
RETURN count(*) AS deleted
