// Deletes the Article node and its remaining relationships (MENTIONS, REPORTS, CITES).
// params: $articleId STRING
// returns: deleted INTEGER (0 or 1)
MATCH (a:Article {id: $articleId})
DETACH DELETE a
RETURN count(*) AS deleted
