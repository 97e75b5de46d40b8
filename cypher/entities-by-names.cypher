// Resolution candidates for an article: entities whose name or alias matches one of its candidate names.
// params: $lucene STRING (phrase queries joined with OR, built by db/lucene.ts), $limit INTEGER
// returns: id STRING, type STRING, name STRING, aliases LIST<STRING>
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $limit}) YIELD node
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS type, node.name AS name, coalesce(node.aliases, []) AS aliases
