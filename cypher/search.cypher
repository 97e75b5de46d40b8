// Ranked full-text search over entity names/aliases, event summaries and article titles, filtered by label.
// Event and article scores are halved so an entity that matches as well ranks first: search is for entities.
// Each index is asked for $fetch hits (more than $limit) so label filtering still leaves $limit.
// params: $lucene STRING (built by db/lucene.ts), $labels LIST<STRING> (empty = all), $fetch INTEGER, $limit INTEGER
// returns: id STRING, label STRING, name STRING, aliases LIST<STRING>, score FLOAT, mentionCount INTEGER
CALL {
  CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $fetch}) YIELD node, score
  RETURN node, score
  UNION ALL
  WITH 1 AS enabled WHERE size($labels) = 0 OR 'Event' IN $labels
  CALL db.index.fulltext.queryNodes('event_summaries', $lucene, {limit: $fetch}) YIELD node, score
  RETURN node, score * 0.5 AS score
  UNION ALL
  WITH 1 AS enabled WHERE size($labels) = 0 OR 'Article' IN $labels
  CALL db.index.fulltext.queryNodes('article_titles', $lucene, {limit: $fetch}) YIELD node, score
  RETURN node, score * 0.5 AS score
}
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS label
WHERE size($labels) = 0 OR label IN $labels
RETURN node.id AS id, label, coalesce(node.name, node.summary, node.title) AS name,
       coalesce(node.aliases, []) AS aliases, score,
       CASE WHEN node:Event THEN size(coalesce(node.articleIds, [])) WHEN node:Article THEN 1
            ELSE coalesce(node.mentionCount, 0) END AS mentionCount
ORDER BY score DESC, mentionCount DESC, id
LIMIT $limit
