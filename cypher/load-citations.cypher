// Links the article to the media it cites ("Det skriver Bloomberg") with provenance, like any relation.
// params: $articleId STRING, $citations LIST<MAP {toId, evidence LIST<STRING>, confidence FLOAT}>
// returns: created INTEGER
MATCH (a:Article {id: $articleId})
UNWIND $citations AS row
MATCH (c:Entity {id: row.toId})
MERGE (a)-[r:CITES]->(c)
  ON CREATE SET r.articleIds = [$articleId], r.evidence = []
SET r.evidence = reduce(acc = r.evidence, sentence IN row.evidence |
      CASE WHEN sentence IN acc THEN acc ELSE acc + sentence END),
    r.confidence = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence THEN row.confidence ELSE r.confidence END
RETURN count(r) AS created
