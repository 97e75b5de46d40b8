// Merges the article's events on their stable ids, appends provenance, and links (Article)-[:REPORTS]->(Event).
// params: $articleId STRING, $events LIST<MAP {id, kind, summary, date (YYYY-MM-DD or null), dateText, evidence LIST<STRING>, confidence FLOAT}>
// returns: id STRING, created BOOLEAN (one row per event)
MATCH (a:Article {id: $articleId})
UNWIND $events AS row
OPTIONAL MATCH (old:Event {id: row.id})
WITH a, row, old IS NULL AS created
MERGE (ev:Event {id: row.id})
  ON CREATE SET ev.kind = row.kind, ev.summary = row.summary, ev.articleIds = [], ev.evidence = []
// A later article may date an event the first one left undated; a known date is never overwritten.
SET ev.date = coalesce(ev.date, date(row.date)),
    ev.dateText = coalesce(ev.dateText, row.dateText),
    ev.articleIds = CASE WHEN $articleId IN ev.articleIds THEN ev.articleIds ELSE ev.articleIds + $articleId END,
    ev.evidence = reduce(acc = ev.evidence, sentence IN row.evidence |
      CASE WHEN sentence IN acc THEN acc ELSE acc + sentence END),
    ev.confidence = CASE WHEN ev.confidence IS NULL OR row.confidence > ev.confidence THEN row.confidence ELSE ev.confidence END
MERGE (a)-[:REPORTS]->(ev)
RETURN row.id AS id, created
