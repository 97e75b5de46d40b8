// Withdraws one article's provenance from the events it reports and deletes events no other article reports.
// params: $articleId STRING
// returns: deleted INTEGER (events deleted)
MATCH (:Article {id: $articleId})-[:REPORTS]->(ev:Event)
WITH ev, [x IN coalesce(ev.articleIds, []) WHERE x <> $articleId] AS remaining
WITH ev, remaining, COLLECT { MATCH (other:Article) WHERE other.id IN remaining RETURN other.text } AS texts
WITH ev, remaining, [sentence IN coalesce(ev.evidence, []) WHERE any(text IN texts WHERE text CONTAINS sentence)] AS kept
SET ev.articleIds = remaining,
    ev.evidence = CASE WHEN size(kept) = 0 THEN ev.evidence ELSE kept END
WITH ev WHERE NOT EXISTS { MATCH (other:Article)-[:REPORTS]->(ev) WHERE other.id <> $articleId }
DETACH DELETE ev
RETURN count(*) AS deleted
