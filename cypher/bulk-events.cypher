// Merges a bulk batch's events on their stable ids and appends every reporting article's provenance, as
// load-events.cypher does one article at a time (a known date is never overwritten).
// Provenance travels as indexes: into $articleIds (the batch's articles) and $sentences (its distinct evidence
// sentences), so each sentence crosses the wire once per statement however many rows quote it. Indexes arrive
// as floats (the JavaScript driver's numbers), hence toInteger.
// params: $events LIST<MAP {id, kind, summary, date (YYYY-MM-DD or null), dateText, articles LIST<index>, evidence LIST<index>, confidence FLOAT}>, $articleIds LIST<STRING>, $sentences LIST<STRING>
// returns: one row: nodes LIST<STRING> (element ids, for the link statements of the same transaction), created
//   LIST<BOOLEAN> — both in the order of $events
UNWIND range(0, size($events) - 1) AS i
WITH i, $events[i] AS row
OPTIONAL MATCH (old:Event {id: row.id})
WITH i, row, old IS NULL AS created
MERGE (ev:Event {id: row.id})
  ON CREATE SET ev.kind = row.kind, ev.summary = row.summary, ev.articleIds = [], ev.evidence = []
WITH i, row, created, ev, [a IN row.articles | $articleIds[toInteger(a)]] AS articleIds
SET ev.date = coalesce(ev.date, date(row.date)),
    ev.dateText = coalesce(ev.dateText, row.dateText),
    ev.articleIds = ev.articleIds + [id IN articleIds WHERE NOT id IN ev.articleIds],
    ev.evidence = reduce(acc = ev.evidence, s IN row.evidence |
      CASE WHEN $sentences[toInteger(s)] IN acc THEN acc ELSE acc + $sentences[toInteger(s)] END),
    ev.confidence = CASE WHEN ev.confidence IS NULL OR row.confidence > ev.confidence THEN row.confidence ELSE ev.confidence END
WITH i, elementId(ev) AS node, created ORDER BY i
RETURN collect(node) AS nodes, collect(created) AS created
