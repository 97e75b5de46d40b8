// Benchmark graph generator: (Article)-[:REPORTS]->(Event).
// params: $rows LIST<MAP {articleId, eventId}>
// returns: created INTEGER
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MATCH (ev:Event {id: row.eventId})
CREATE (a)-[:REPORTS]->(ev)
RETURN count(*) AS created
