// Links each new article of a bulk batch to the entities it mentions, with the per-article mention count.
// params: $mentions LIST<MAP {articleId, entityId, count INTEGER}>
// returns: created INTEGER
UNWIND $mentions AS row
MATCH (a:Article {id: row.articleId})
MATCH (e:Entity {id: row.entityId})
CREATE (a)-[:MENTIONS {count: row.count}]->(e)
RETURN count(*) AS created
