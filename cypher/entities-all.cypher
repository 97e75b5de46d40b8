// All entities as resolution candidates (used while the graph is small).
// params: $limit INTEGER
// returns: id STRING, type STRING, name STRING, aliases LIST<STRING>
MATCH (e:Entity)
RETURN e.id AS id, [l IN labels(e) WHERE l <> 'Entity'][0] AS type, e.name AS name, coalesce(e.aliases, []) AS aliases
LIMIT $limit
