// Merges a bulk batch's events on their stable ids and appends every reporting article's provenance, as
// load-events.cypher does one article at a time (a known date is never overwritten).
// params: $events LIST<MAP {id, kind, summary, date (YYYY-MM-DD or null), dateText, articleIds LIST<STRING>, evidence LIST<STRING>, confidence FLOAT}>
// returns: id STRING, created BOOLEAN, node STRING (element id, for the link statements of the same transaction)
//   — one row per event
UNWIND $events AS row
OPTIONAL MATCH (old:Event {id: row.id})
WITH row, old IS NULL AS created
MERGE (ev:Event {id: row.id})
  ON CREATE SET ev.kind = row.kind, ev.summary = row.summary, ev.articleIds = [], ev.evidence = []
SET ev.date = coalesce(ev.date, date(row.date)),
    ev.dateText = coalesce(ev.dateText, row.dateText),
    ev.articleIds = ev.articleIds + [id IN row.articleIds WHERE NOT id IN ev.articleIds],
    ev.evidence = reduce(acc = ev.evidence, sentence IN row.evidence |
      CASE WHEN sentence IN acc THEN acc ELSE acc + sentence END),
    ev.confidence = CASE WHEN ev.confidence IS NULL OR row.confidence > ev.confidence THEN row.confidence ELSE ev.confidence END
RETURN row.id AS id, created, elementId(ev) AS node
