// Appends one merge record (JSON, see server/db/merge-record.ts) to the kept entity's `mergeRecords`, newest last.
// params: $id STRING, $record STRING
// returns: records INTEGER
MATCH (e:Entity {id: $id})
SET e.mergeRecords = coalesce(e.mergeRecords, []) + $record
RETURN size(e.mergeRecords) AS records
