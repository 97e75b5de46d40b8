// Takes one article's mentions off its entities' mentionCount and deletes entities no other article mentions.
// params: $articleId STRING
// returns: deleted INTEGER (entities deleted)
MATCH (:Article {id: $articleId})-[m:MENTIONS]->(e:Entity)
SET e.mentionCount = CASE WHEN e.mentionCount > coalesce(m.count, 0) THEN e.mentionCount - coalesce(m.count, 0) ELSE 0 END
WITH e WHERE NOT EXISTS { MATCH (other:Article)-[:MENTIONS]->(e) WHERE other.id <> $articleId }
DETACH DELETE e
RETURN count(*) AS deleted
