// Looks entities up by id, reporting which ids are unknown (mergeEntities validates its input with this).
// params: $ids LIST<STRING>
// returns: id STRING, found BOOLEAN, name STRING, aliases LIST<STRING>
UNWIND $ids AS wanted
OPTIONAL MATCH (e:Entity {id: wanted})
RETURN wanted AS id, e IS NOT NULL AS found, e.name AS name, coalesce(e.aliases, []) AS aliases
