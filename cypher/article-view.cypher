// One article with its text and the entities it mentions (most mentioned first), for the reader panel.
// params: $id STRING
// returns: id STRING, title STRING, url STRING, publishedAt STRING, text STRING, entities LIST<MAP {id, labels, name, aliases, mentionCount, score}>
//   (score = how often this article mentions the entity, so SearchHit.score is never null)
MATCH (a:Article {id: $id})
RETURN a.id AS id, a.title AS title, a.url AS url, toString(a.publishedAt) AS publishedAt, a.text AS text,
       COLLECT {
         MATCH (a)-[m:MENTIONS]->(e:Entity)
         WITH e, m ORDER BY m.count DESC, e.name
         RETURN {id: e.id, labels: labels(e), name: e.name, aliases: coalesce(e.aliases, []), mentionCount: coalesce(e.mentionCount, 0), score: toFloat(coalesce(m.count, 1))}
       } AS entities
