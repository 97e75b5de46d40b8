// Links each new article of a bulk batch to the events it reports.
// params: $reports LIST<MAP {articleId, eventId}>
// returns: created INTEGER
UNWIND $reports AS row
MATCH (a:Article {id: row.articleId})
MATCH (ev:Event {id: row.eventId})
CREATE (a)-[:REPORTS]->(ev)
RETURN count(*) AS created
