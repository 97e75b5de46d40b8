// Nodes as the canvas draws them (GraphNode), by stable id; unknown ids are simply absent.
// weight: entities = number of articles mentioning them, events = number of reporting articles, articles = 1.
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
RETURN n.id AS id, labels(n) AS labels, coalesce(n.name, n.summary, n.title, n.kind, n.id) AS name, n.kind AS kind,
       toString(coalesce(n.date, n.publishedAt)) AS date,
       CASE WHEN n:Entity THEN COUNT { (:Article)-[:MENTIONS]->(n) }
            WHEN n:Event THEN COUNT { (:Article)-[:REPORTS]->(n) }
            ELSE 1 END AS weight
