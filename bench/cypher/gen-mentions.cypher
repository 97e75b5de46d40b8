// Benchmark graph generator: (Article)-[:MENTIONS {count}]->(Entity).
// params: $rows LIST<MAP {articleId, entityId, count INTEGER}>
// returns: created INTEGER
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MATCH (e:Entity {id: row.entityId})
CREATE (a)-[:MENTIONS {count: row.count}]->(e)
RETURN count(*) AS created
