// Withdraws one article's provenance from the relationships around the entities it mentions: removes its id
// from articleIds, drops evidence sentences no remaining article contains, deletes relationships no article
// supports any more. Runs before the article node itself is deleted.
// params: $articleId STRING
// returns: deleted INTEGER (relationships deleted)
MATCH (:Article {id: $articleId})-[:MENTIONS]->(:Entity)-[r]-()
WHERE $articleId IN coalesce(r.articleIds, [])
WITH DISTINCT r
WITH r, [x IN r.articleIds WHERE x <> $articleId] AS remaining
WITH r, remaining, COLLECT { MATCH (other:Article) WHERE other.id IN remaining RETURN other.text } AS texts
WITH r, remaining, [sentence IN coalesce(r.evidence, []) WHERE any(text IN texts WHERE text CONTAINS sentence)] AS kept
// Evidence is only dropped when another article verifiably holds what is kept; otherwise keep it all.
SET r.articleIds = remaining,
    r.evidence = CASE WHEN size(kept) = 0 THEN r.evidence ELSE kept END
SET r.weight = CASE WHEN type(r) = 'CO_MENTIONED' THEN size(r.evidence) ELSE r.weight END
WITH r WHERE size(r.articleIds) = 0
DELETE r
RETURN count(*) AS deleted
