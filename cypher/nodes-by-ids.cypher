// Nodes as the canvas draws them (GraphNode), by stable id; unknown ids are simply absent.
// date: an event's own date, else (like timeline.cypher) the first reporting article's publication date.
// weight: entities = number of articles mentioning them, events = number of reporting articles, articles = 1.
// Only articles MENTION or REPORT, so the counts leave the other end unlabelled: Neo4j then reads the node's
// degree instead of visiting every relationship (31 -> 16 ms for 200 nodes around a hub at 10^5 entities).
// params: $ids LIST<STRING>
// returns: id STRING, labels LIST<STRING>, name STRING, kind STRING, date STRING, weight INTEGER
UNWIND $ids AS wanted
CALL {
  WITH wanted
  MATCH (n:Entity {id: wanted}) RETURN n
  UNION
  WITH wanted
  MATCH (n:Event {id: wanted}) RETURN n
  UNION
  WITH wanted
  MATCH (n:Article {id: wanted}) RETURN n
}
WITH n, CASE WHEN n:Event AND n.date IS NULL
            THEN COLLECT { MATCH (a:Article)-[:REPORTS]->(n) WHERE a.publishedAt IS NOT NULL RETURN a.publishedAt ORDER BY a.publishedAt LIMIT 1 }[0]
       END AS reportedOn
RETURN n.id AS id, labels(n) AS labels, coalesce(n.name, n.summary, n.title, n.kind, n.id) AS name, n.kind AS kind,
       toString(coalesce(n.date, n.publishedAt, reportedOn)) AS date,
       CASE WHEN n:Entity THEN COUNT { ()-[:MENTIONS]->(n) }
            WHEN n:Event THEN COUNT { ()-[:REPORTS]->(n) }
            ELSE 1 END AS weight
