// Merges a bulk batch's entities on their stable ids, as load-entities.cypher does for one article: the first
// article's name and type label at creation, aliases accumulated in article order, mention counts added.
// Rows are unique per id (server/ingest/load/bulk.ts folds them), so `created` is exact.
// params: $entities LIST<MAP {id, type, name, aliases LIST<STRING> (every article's name and aliases, in order), mentions INTEGER}>
// returns: one row: nodes LIST<STRING> (element ids, for the link statements of the same transaction; valid
//   only there), created LIST<BOOLEAN> — both in the order of $entities
UNWIND range(0, size($entities) - 1) AS i
WITH i, $entities[i] AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH i, row, old IS NULL AS created
MERGE (e:Entity {id: row.id})
  ON CREATE SET e.name = row.name, e.aliases = [], e.mentionCount = 0
// Labels come from this fixed list, never from the input; set once, at creation.
FOREACH (_ IN CASE WHEN created AND row.type = 'Person' THEN [1] ELSE [] END | SET e:Person)
FOREACH (_ IN CASE WHEN created AND row.type = 'Company' THEN [1] ELSE [] END | SET e:Company)
FOREACH (_ IN CASE WHEN created AND row.type = 'Government' THEN [1] ELSE [] END | SET e:Government)
FOREACH (_ IN CASE WHEN created AND row.type = 'Organization' THEN [1] ELSE [] END | SET e:Organization)
FOREACH (_ IN CASE WHEN created AND row.type = 'Place' THEN [1] ELSE [] END | SET e:Place)
SET e.aliases = reduce(acc = coalesce(e.aliases, []), alias IN row.aliases |
      CASE WHEN alias = e.name OR alias IN acc THEN acc ELSE acc + alias END),
    e.mentionCount = coalesce(e.mentionCount, 0) + row.mentions
// The full-text index's joined aliases, written only when they changed (see load-entities.cypher).
WITH i, e, created, reduce(text = '', alias IN e.aliases | text + CASE WHEN text = '' THEN '' ELSE ' | ' END + alias) AS aliasText
FOREACH (_ IN CASE WHEN e.aliasText IS NULL OR e.aliasText <> aliasText THEN [1] ELSE [] END | SET e.aliasText = aliasText)
WITH i, elementId(e) AS node, created ORDER BY i
RETURN collect(node) AS nodes, collect(created) AS created
