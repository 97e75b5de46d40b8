// Merges the article's entities on their stable ids and links the article to each with MENTIONS {count}.
// Rows have unique ids (grouped before loading), so `created` is exact.
// params: $articleId STRING, $entities LIST<MAP {id, type, name, aliases LIST<STRING>, mentions INTEGER}>
// returns: id STRING, created BOOLEAN (one row per entity)
MATCH (a:Article {id: $articleId})
UNWIND $entities AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH a, row, old IS NULL AS created
MERGE (e:Entity {id: row.id})
  ON CREATE SET e.name = row.name, e.aliases = [], e.mentionCount = 0
// The type label is set once, at creation: an entity keeps exactly one type even when a later article types
// it differently. Labels come from this fixed list, never from the input.
FOREACH (_ IN CASE WHEN created AND row.type = 'Person' THEN [1] ELSE [] END | SET e:Person)
FOREACH (_ IN CASE WHEN created AND row.type = 'Company' THEN [1] ELSE [] END | SET e:Company)
FOREACH (_ IN CASE WHEN created AND row.type = 'Government' THEN [1] ELSE [] END | SET e:Government)
FOREACH (_ IN CASE WHEN created AND row.type = 'Organization' THEN [1] ELSE [] END | SET e:Organization)
FOREACH (_ IN CASE WHEN created AND row.type = 'Place' THEN [1] ELSE [] END | SET e:Place)
// The name this article uses joins the aliases when it differs (a merged-away id redirected here, say).
SET e.aliases = reduce(acc = coalesce(e.aliases, []), alias IN [row.name] + row.aliases |
      CASE WHEN alias = e.name OR alias IN acc THEN acc ELSE acc + alias END),
    e.mentionCount = coalesce(e.mentionCount, 0) + row.mentions
// Joined aliases for the full-text index (see schema.cypher), written only when they changed: every write of
// an indexed property re-indexes the node in Lucene at commit, which made commits ~4x slower (BENCHMARKS.md).
WITH a, row, e, created, reduce(text = '', alias IN e.aliases | text + CASE WHEN text = '' THEN '' ELSE ' | ' END + alias) AS aliasText
FOREACH (_ IN CASE WHEN e.aliasText IS NULL OR e.aliasText <> aliasText THEN [1] ELSE [] END | SET e.aliasText = aliasText)
CREATE (a)-[:MENTIONS {count: row.mentions}]->(e)
RETURN row.id AS id, created
